namespace IscsiConnector.Transports;

/// <summary>What the hardware check of an iface found (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP": "verify hardware exists before attempting to use said transport").</summary>
/// <param name="IfaceName">The iface checked.</param>
/// <param name="Failure">Why the iface cannot be used, or <see langword="null"/> when it can.</param>
/// <param name="Message">A sentence with the evidence: where the address was (or was not) found.</param>
public sealed record IscsiHardwareCheck(string IfaceName, IscsiTransportFailureReason? Failure, string Message)
{
    /// <summary>Gets a value indicating whether the hardware was found and matches the transport.</summary>
    public bool IsUsable => Failure is null;

    /// <summary>Gets the network interface carrying the address (<c>eth2</c>), or <see langword="null"/>.</summary>
    public string? NetInterface { get; init; }

    /// <summary>Gets the driver found: the NIC's (<c>cxgb4</c>) or the iSCSI host's <c>proc_name</c> (<c>cxgb4i</c>), or <see langword="null"/>.</summary>
    public string? Driver { get; init; }

    /// <summary>Gets the iSCSI host number (<c>/sys/class/iscsi_host/hostN</c>) whose address matched, or <see langword="null"/>.</summary>
    public int? IscsiHost { get; init; }

    /// <summary>Throws when the hardware is not usable.</summary>
    /// <exception cref="IscsiTransportException"><see cref="IsUsable"/> is <see langword="false"/>.</exception>
    public void ThrowIfUnusable()
    {
        if (Failure is { } failure)
        {
            throw new IscsiTransportException(IfaceName, failure, Message);
        }
    }
}
