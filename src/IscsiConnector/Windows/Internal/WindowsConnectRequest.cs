namespace IscsiConnector.Windows.Internal;

/// <summary>One portal attempt as the Windows initiator takes it.</summary>
/// <param name="Path">The portal, target and LUN.</param>
/// <param name="InitiatorPortalAddress">The local address to log in from (the open-iscsi iface counterpart), or <see langword="null"/> for the initiator's choice.</param>
/// <param name="InitiatorInstanceName">The initiator instance (an HBA), or <see langword="null"/> for the software initiator's choice.</param>
/// <param name="Multipath">Whether the session is opened for MPIO (<c>-IsMultipathEnabled</c>).</param>
/// <param name="Chap">The CHAP account, or <see langword="null"/>.</param>
internal sealed record WindowsConnectRequest(
    IscsiPath Path,
    string? InitiatorPortalAddress,
    string? InitiatorInstanceName,
    bool Multipath,
    ChapCredentials? Chap);
