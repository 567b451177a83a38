namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>One target portal from the tree of <c>iscsiadm -m discoverydb -P 1</c> (or <c>-m discovery -P 1</c>).</summary>
/// <param name="DiscoveryType">The section it was listed under, as printed: <c>SENDTARGETS</c>, <c>iSNS</c>, <c>STATIC</c> or <c>FIRMWARE</c>.</param>
/// <param name="DiscoveryAddress">The discovery portal it was found through (<c>DiscoveryAddress:</c>), or <see langword="null"/> when the section has none.</param>
/// <param name="TargetName">The target's iSCSI name.</param>
/// <param name="Portal">The target portal with its tag.</param>
/// <param name="IfaceName">The iface the node record uses, or <see langword="null"/> when not printed.</param>
internal sealed record IscsiDiscoveredTarget(string DiscoveryType, IscsiPortal? DiscoveryAddress, string TargetName, IscsiPortal Portal, string? IfaceName);
