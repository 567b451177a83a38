namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>
/// One line of <c>iscsiadm -m iface</c>:
/// <c>name transport,hwaddress,ipaddress,net_ifacename,initiatorname</c>, where <c>&lt;empty&gt;</c> becomes <see langword="null"/>.
/// </summary>
/// <param name="Name">The iface name, e.g. <c>default</c>.</param>
/// <param name="Transport">The transport, e.g. <c>tcp</c>.</param>
/// <param name="HardwareAddress">The bound MAC address, if any.</param>
/// <param name="IpAddress">The bound IP address, if any.</param>
/// <param name="NetIfaceName">The bound network interface, if any.</param>
/// <param name="InitiatorName">The iface's own initiator name, if it overrides the host's.</param>
public sealed record IscsiIfaceSummary(string Name, string Transport, string? HardwareAddress, string? IpAddress, string? NetIfaceName, string? InitiatorName);
