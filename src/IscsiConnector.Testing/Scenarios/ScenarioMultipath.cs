namespace IscsiConnector.Testing.Scenarios;

/// <summary>multipathd settings in a <see cref="ScenarioDefinition"/>.</summary>
public sealed record ScenarioMultipath
{
    /// <summary>Gets a value indicating whether multipathd runs.</summary>
    /// <value><see langword="null"/> means the default, <see langword="true"/>.</value>
    public bool? Running { get; init; }

    /// <summary>Gets <c>find_multipaths</c>: <c>no</c>, <c>yes</c> (default) or <c>strict</c>.</summary>
    public string? FindMultipaths { get; init; }

    /// <summary>Gets a value indicating whether maps are named <c>mpatha</c>… rather than by SCSI id.</summary>
    /// <value><see langword="null"/> means the default, <see langword="true"/>.</value>
    public bool? UserFriendlyNames { get; init; }
}
