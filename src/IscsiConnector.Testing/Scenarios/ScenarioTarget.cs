namespace IscsiConnector.Testing.Scenarios;

/// <summary>A target in a <see cref="ScenarioDefinition"/>.</summary>
public sealed record ScenarioTarget
{
    /// <summary>Gets the target IQN.</summary>
    public required string Iqn { get; init; }

    /// <summary>Gets the LUNs; none gives LUN 1 of 1 GiB.</summary>
    public IReadOnlyList<ScenarioLun>? Luns { get; init; }

    /// <summary>Gets the CHAP account logins must present, or <see langword="null"/> for none.</summary>
    public ScenarioChap? Chap { get; init; }
}
