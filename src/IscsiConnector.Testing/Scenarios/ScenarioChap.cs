namespace IscsiConnector.Testing.Scenarios;

/// <summary>CHAP credentials in a scenario (target or discovery).</summary>
public sealed record ScenarioChap
{
    /// <summary>Gets the user name.</summary>
    public required string Username { get; init; }

    /// <summary>Gets the secret.</summary>
    public required string Password { get; init; }

    /// <summary>Gets the target's user name for mutual CHAP (<c>username_in</c>), or <see langword="null"/>.</summary>
    public string? UsernameIn { get; init; }

    /// <summary>Gets the target's secret for mutual CHAP (<c>password_in</c>), or <see langword="null"/>.</summary>
    public string? PasswordIn { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ScenarioChap {{ Username = {Username}, Password = ***, Mutual = {UsernameIn is not null} }}";
}
