namespace IscsiConnector;

/// <summary>This host as Cinder's <c>initialize_connection</c> wants it described (os-brick <c>get_connector_properties</c>).</summary>
public sealed record ConnectorProperties
{
    /// <summary>Gets the initiator IQN from <c>/etc/iscsi/initiatorname.iscsi</c>, or <see langword="null"/> when the file is missing.</summary>
    public string? Initiator { get; init; }

    /// <summary>Gets the host name.</summary>
    public required string Host { get; init; }

    /// <summary>Gets the host's first non-loopback IP address, or <see langword="null"/> when there is none.</summary>
    public string? Ip { get; init; }

    /// <summary>Gets the machine architecture as Python's <c>platform.machine()</c> names it (<c>x86_64</c>, <c>aarch64</c>).</summary>
    public required string Platform { get; init; }

    /// <summary>Gets the OS type as os-brick reports it (Python's <c>sys.platform</c>): <c>linux</c> on Linux.</summary>
    public required string OsType { get; init; }

    /// <summary>Gets a value indicating whether multipath is usable: enabled in the options and <c>multipathd show status</c> exited 0.</summary>
    public bool Multipath { get; init; }

    /// <summary>Gets a value indicating whether multipath was required by the options (os-brick <c>enforce_multipath</c>).</summary>
    public bool EnforceMultipath { get; init; }

    /// <summary>Gets the iSCSI transports the kernel has loaded (<c>/sys/class/iscsi_transport/*</c>: <c>tcp</c>, <c>iser</c>, <c>cxgb4i</c>…). Not part of <see cref="ToDictionary"/>, whose keys are os-brick's.</summary>
    public IReadOnlyList<string> Transports { get; init; } = [];

    /// <summary>Returns the os-brick dictionary form, with its key names, ready for JSON serialisation.</summary>
    /// <returns>A new dictionary: <c>initiator</c>, <c>host</c>, <c>ip</c>, <c>platform</c>, <c>os_type</c>, <c>multipath</c>, <c>enforce_multipath</c>, <c>do_local_attach</c>.</returns>
    public IReadOnlyDictionary<string, object?> ToDictionary() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["initiator"] = Initiator,
        ["host"] = Host,
        ["ip"] = Ip,
        ["platform"] = Platform,
        ["os_type"] = OsType,
        ["multipath"] = Multipath,
        ["enforce_multipath"] = EnforceMultipath,
        ["do_local_attach"] = false,
    };
}
