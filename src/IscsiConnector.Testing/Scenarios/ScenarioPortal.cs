namespace IscsiConnector.Testing.Scenarios;

/// <summary>A portal in a <see cref="ScenarioDefinition"/>.</summary>
public sealed record ScenarioPortal
{
    /// <summary>Gets the address: <c>127.0.0.1:3260</c>, <c>127.0.0.2</c> or <c>[::1]:3260</c>.</summary>
    public required string Address { get; init; }

    /// <summary>Gets the state: <c>up</c> (default), <c>refusing</c> (or <c>refused</c>), <c>blackholed</c>.</summary>
    public string? State { get; init; }

    /// <summary>Gets the target IQNs the portal exposes; <see langword="null"/> or empty for all.</summary>
    public IReadOnlyList<string>? Targets { get; init; }

    /// <summary>Gets the discovery CHAP account SendTargets requires, or <see langword="null"/>.</summary>
    public ScenarioChap? DiscoveryChap { get; init; }
}
