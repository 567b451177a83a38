namespace IscsiConnector.Testing.Windows;

/// <summary>A session on a <see cref="SimulatedWindowsInitiator"/>, as a test sees it.</summary>
/// <param name="Identifier">The <c>SessionIdentifier</c> (<c>Get-IscsiSession</c>).</param>
/// <param name="Iqn">The target.</param>
/// <param name="Portal">The target portal, <c>address:port</c>.</param>
/// <param name="InitiatorPortalAddress">The local address it logged in from, or <see langword="null"/> for the initiator's choice.</param>
/// <param name="AuthenticationType"><c>NONE</c>, <c>ONEWAYCHAP</c> or <c>MUTUALCHAP</c>.</param>
/// <param name="Persistent">Whether the login comes back at boot.</param>
/// <param name="Multipath">Whether it was opened for MPIO.</param>
public sealed record SimulatedWindowsSession(
    string Identifier,
    string Iqn,
    string Portal,
    string? InitiatorPortalAddress,
    string AuthenticationType,
    bool Persistent,
    bool Multipath);
