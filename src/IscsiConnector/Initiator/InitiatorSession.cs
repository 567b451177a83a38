namespace IscsiConnector.Initiator;

/// <summary>A logged-in session as the initiator reports it.</summary>
/// <param name="Id">The session number.</param>
/// <param name="Portal">The portal (persistent address and port).</param>
/// <param name="Iqn">The target name.</param>
/// <param name="Iface">The interface name, or <see langword="null"/> when unknown.</param>
/// <param name="State">The session state (<c>LOGGED_IN</c>, <c>FAILED</c>, <c>FREE</c>).</param>
internal sealed record InitiatorSession(int Id, IscsiPortal Portal, string Iqn, string? Iface, string? State)
{
    public bool Matches(IscsiPortal portal, string iqn, string transport) =>
        Portal.SameAddressAs(portal)
        && string.Equals(Iqn, iqn, StringComparison.OrdinalIgnoreCase)
        && (Iface is null || string.Equals(Iface, transport, StringComparison.Ordinal));
}
