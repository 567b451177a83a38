namespace IscsiConnector.Initiator;

/// <summary>Settings written into a target record before login.</summary>
/// <param name="LoginTimeout">How long one login attempt may take before the portal counts as dead.</param>
/// <param name="InitialLoginRetryMax">How often the initiator itself retries the first login.</param>
/// <param name="AutomaticStartup">Whether the initiator logs in again at boot.</param>
/// <param name="ReplacementTimeout">How long I/O waits for a failed session to come back, or <see langword="null"/> for the initiator's default.</param>
/// <param name="Chap">The session CHAP credentials, or <see langword="null"/>.</param>
internal sealed record NodeSettings(
    TimeSpan LoginTimeout,
    int InitialLoginRetryMax,
    bool AutomaticStartup,
    TimeSpan? ReplacementTimeout,
    ChapCredentials? Chap);
