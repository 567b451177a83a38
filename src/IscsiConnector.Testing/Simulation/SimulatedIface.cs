namespace IscsiConnector.Testing.Simulation;

/// <summary>An iface record of the simulated host (<c>/etc/iscsi/ifaces/&lt;name&gt;</c>), as <c>iscsiadm -m iface -I &lt;name&gt; -o show</c> reads it.</summary>
/// <param name="Name">The iface name (<c>iface.iscsi_ifacename</c>).</param>
/// <param name="Transport">The transport (<c>iface.transport_name</c>): <c>tcp</c>, <c>iser</c>, <c>cxgb4i</c>…</param>
/// <param name="HardwareAddress">The bound MAC address (<c>iface.hwaddress</c>), or <see langword="null"/> when empty.</param>
/// <param name="IpAddress">The source address (<c>iface.ipaddress</c>), or <see langword="null"/>.</param>
/// <param name="NetInterfaceName">The bound NIC (<c>iface.net_ifacename</c>), or <see langword="null"/>.</param>
/// <param name="InitiatorName">An initiator name for this iface only (<c>iface.initiatorname</c>), or <see langword="null"/>.</param>
public sealed record SimulatedIface(string Name, string Transport, string? HardwareAddress, string? IpAddress, string? NetInterfaceName, string? InitiatorName);
