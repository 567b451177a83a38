using IscsiConnector.IscsiAdm.Parsing;

namespace IscsiConnector.Transports;

/// <summary>An open-iscsi iface as <c>iscsiadm -m iface -I &lt;name&gt; -o show</c> reports it (the fields this library uses).</summary>
/// <param name="Name">The iface name (<c>iface.iscsi_ifacename</c>), e.g. <c>default</c> or <c>cxgb4i.00:07:43:aa:bb:cc</c>.</param>
/// <param name="TransportName">The transport (<c>iface.transport_name</c>), e.g. <c>tcp</c>, or <see langword="null"/> when the record has none.</param>
public sealed record IscsiIface(string Name, string? TransportName)
{
    /// <summary>Gets the bound hardware (MAC) address (<c>iface.hwaddress</c>), or <see langword="null"/>.</summary>
    public string? HardwareAddress { get; init; }

    /// <summary>Gets the bound IP address (<c>iface.ipaddress</c>), or <see langword="null"/>.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Gets the bound network interface (<c>iface.net_ifacename</c>), or <see langword="null"/>.</summary>
    public string? NetInterfaceName { get; init; }

    /// <summary>Gets the iface's own initiator name (<c>iface.initiatorname</c>), or <see langword="null"/> to use the host's.</summary>
    public string? InitiatorName { get; init; }

    /// <summary>Gets a value indicating whether the transport is a hardware offload one.</summary>
    public bool IsOffload => IscsiTransports.IsOffload(TransportName);

    /// <summary>Reads an iface from a parsed <c>-o show</c> record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The iface, or <see langword="null"/> when the record has no <c>iface.iscsi_ifacename</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    internal static IscsiIface? FromRecord(IscsiAdmRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = record.GetValueOrDefault("iface.iscsi_ifacename");
        return name is null
            ? null
            : new IscsiIface(name, record.GetValueOrDefault("iface.transport_name"))
            {
                HardwareAddress = record.GetValueOrDefault("iface.hwaddress"),
                IpAddress = record.GetValueOrDefault("iface.ipaddress"),
                NetInterfaceName = record.GetValueOrDefault("iface.net_ifacename"),
                InitiatorName = record.GetValueOrDefault("iface.initiatorname"),
            };
    }
}
