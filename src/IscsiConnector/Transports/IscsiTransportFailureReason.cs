namespace IscsiConnector.Transports;

/// <summary>Why an iface could not be used (or was not used) for an attach.</summary>
public enum IscsiTransportFailureReason
{
    /// <summary>No iface of that name exists (<c>iscsiadm -m iface -I &lt;name&gt; -o show</c> found no record).</summary>
    IfaceNotFound,

    /// <summary>The iface's <c>iface.transport_name</c> is missing or not one open-iscsi supports.</summary>
    UnknownTransport,

    /// <summary>An iface definition given to this library is invalid (bad MAC, IP, name or transport).</summary>
    InvalidDefinition,

    /// <summary>An iface of that name exists with different settings; it is never overwritten.</summary>
    IfaceConflict,

    /// <summary>No network interface or iSCSI host on this machine has the iface's hardware address (or its bound network interface is missing).</summary>
    HardwareNotFound,

    /// <summary>The hardware with the iface's address is driven by a driver that does not carry the iface's transport.</summary>
    DriverMismatch,

    /// <summary>The NIC is there and its driver matches, but no iSCSI offload host has its address: the offload module (e.g. <c>cxgb4i</c>) is not loaded.</summary>
    OffloadHostNotFound,

    /// <summary>An <c>iscsiadm -m iface</c> command failed for another reason (see the inner exception).</summary>
    IfaceCommandFailed,

    /// <summary>Login (or node set-up) through the iface failed on a portal.</summary>
    LoginFailed,
}
