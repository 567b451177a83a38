namespace IscsiConnector.Transports;

/// <summary>The iface an <see cref="IscsiIfaceManager.EnsureAsync"/> call made sure of.</summary>
/// <param name="Iface">The iface as <c>iscsiadm</c> shows it afterwards.</param>
/// <param name="Created"><see langword="true"/> when this call created it; <see langword="false"/> when an identical one existed.</param>
public sealed record IscsiIfaceEnsureResult(IscsiIface Iface, bool Created);
