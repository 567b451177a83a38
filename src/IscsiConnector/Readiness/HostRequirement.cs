namespace IscsiConnector.Readiness;

/// <summary>One thing an attach needs from the host, checked by <see cref="IscsiHostCheck"/>.</summary>
public enum HostRequirement
{
    /// <summary><c>iscsiadm</c> is installed and can be run (through the root helper, when one is configured).</summary>
    IscsiAdm,

    /// <summary>The process may do privileged work: it runs as root, or its root helper runs <c>iscsiadm</c> without asking for a password.</summary>
    Privileges,

    /// <summary>The iSCSI daemon <c>iscsid</c> answers <c>iscsiadm</c>: every login, logout and discovery goes through it.</summary>
    Iscsid,

    /// <summary>The host has an initiator name (<c>/etc/iscsi/initiatorname.iscsi</c>), which targets' ACLs are written against.</summary>
    InitiatorName,

    /// <summary>The kernel has, or can load, the iSCSI transport of the iface in use (<c>iscsi_tcp</c> for <c>default</c>).</summary>
    Transport,

    /// <summary><c>multipathd</c> is running (only checked when multipath is requested).</summary>
    Multipathd,
}
