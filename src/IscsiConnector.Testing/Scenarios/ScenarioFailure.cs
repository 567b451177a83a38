namespace IscsiConnector.Testing.Scenarios;

/// <summary>A scripted failure in a <see cref="ScenarioDefinition"/> (see <c>SimulatedIscsiHost.InjectFailure</c>).</summary>
public sealed record ScenarioFailure
{
    /// <summary>Gets the program, e.g. <c>multipath</c>.</summary>
    public required string Program { get; init; }

    /// <summary>Gets the argument prefix that must match, e.g. <c>["-f", "mpatha"]</c>; empty for every run.</summary>
    public IReadOnlyList<string>? Arguments { get; init; }

    /// <summary>Gets how many runs fail.</summary>
    /// <value><see langword="null"/> means 1.</value>
    public int? Times { get; init; }

    /// <summary>Gets the exit code.</summary>
    /// <value><see langword="null"/> means 1.</value>
    public int? ExitCode { get; init; }

    /// <summary>Gets the standard error text.</summary>
    public string? Stderr { get; init; }

    /// <summary>Gets the standard output text.</summary>
    public string? Stdout { get; init; }
}
