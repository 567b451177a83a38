namespace IscsiConnector;

/// <summary>
/// CHAP credentials: the initiator's user name and secret, and for mutual CHAP the target's. Secrets are
/// never shown by <see cref="ToString"/>.
/// </summary>
public sealed record ChapCredentials
{
    /// <summary>Initializes a new instance of the <see cref="ChapCredentials"/> class.</summary>
    /// <param name="username">The initiator's CHAP name.</param>
    /// <param name="password">The initiator's CHAP secret.</param>
    /// <param name="usernameIn">The target's CHAP name for mutual CHAP, or <see langword="null"/>.</param>
    /// <param name="passwordIn">The target's CHAP secret for mutual CHAP, or <see langword="null"/>.</param>
    public ChapCredentials(string username, string password, string? usernameIn = null, string? passwordIn = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        Username = username;
        Password = password;
        UsernameIn = usernameIn;
        PasswordIn = passwordIn;
    }

    /// <summary>Gets the authentication method; CHAP is the only one iSCSI defines besides none.</summary>
    public string Method { get; init; } = "CHAP";

    /// <summary>Gets the initiator's CHAP name.</summary>
    public string Username { get; }

    /// <summary>Gets the initiator's CHAP secret. Never log it.</summary>
    public string Password { get; }

    /// <summary>Gets the target's CHAP name (mutual CHAP), or <see langword="null"/>.</summary>
    public string? UsernameIn { get; }

    /// <summary>Gets the target's CHAP secret (mutual CHAP), or <see langword="null"/>. Never log it.</summary>
    public string? PasswordIn { get; }

    /// <summary>Gets a value indicating whether mutual CHAP is configured.</summary>
    public bool IsMutual => UsernameIn is not null && PasswordIn is not null;

    /// <inheritdoc />
    public override string ToString() =>
        IsMutual ? $"{Method} user {Username} (mutual, target user {UsernameIn}), secrets ***" : $"{Method} user {Username}, secret ***";
}
