namespace IscsiConnector.Testing.Internal;

/// <summary>The simulated host's readiness for iSCSI: the pieces the connector's host check looks at. Guarded by <see cref="HostState.Gate"/>.</summary>
internal sealed class HostReadiness
{
    /// <summary>Whether iscsid runs: its socket is in <c>/proc/net/unix</c>, and logins and discoveries reach it.</summary>
    public bool IscsidRunning { get; set; } = true;

    /// <summary>Whether iscsiadm is installed: otherwise starting it fails as a missing program does.</summary>
    public bool IscsiAdmInstalled { get; set; } = true;

    /// <summary>Whether <c>/etc/iscsi/initiatorname.iscsi</c> exists.</summary>
    public bool HasInitiatorNameFile { get; set; } = true;
}
