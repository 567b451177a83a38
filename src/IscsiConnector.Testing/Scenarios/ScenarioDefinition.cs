using System.Text.Json;
using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing.Scenarios;

/// <summary>
/// A simulated host described in JSON (the format of <c>samples/scenarios/*.json</c> and of the CLI's
/// <c>--simulate</c>): targets and LUNs, portals and their state, CHAP, latencies, udev and multipathd.
/// </summary>
/// <remarks>Keys are snake_case (<c>initiator_name</c>, <c>size_bytes</c>), like every document of the project; comments and trailing commas are allowed; unknown keys are errors (typos should not pass silently).</remarks>
public sealed record ScenarioDefinition
{
    /// <summary>Gets a free-text description shown by tools.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the initiator name, or <see langword="null"/> for the simulated host's default.</summary>
    public string? InitiatorName { get; init; }

    /// <summary>Gets a value indicating whether udev runs.</summary>
    /// <value><see langword="null"/> means the default, <see langword="true"/>.</value>
    public bool? Udev { get; init; }

    /// <summary>Gets the multipathd settings, or <see langword="null"/> for running with <c>find_multipaths yes</c>.</summary>
    public ScenarioMultipath? Multipathd { get; init; }

    /// <summary>Gets per-command latencies in milliseconds: key <c>default</c> for every command, or a program name.</summary>
    public IReadOnlyDictionary<string, double>? LatencyMs { get; init; }

    /// <summary>Gets asynchronous lags in milliseconds: keys <c>scan</c>, <c>udev</c>, <c>multipath</c> (see <c>SimulatedIscsiHost.WithAsyncDelays</c>).</summary>
    public IReadOnlyDictionary<string, double>? DelaysMs { get; init; }

    /// <summary>Gets the targets.</summary>
    public IReadOnlyList<ScenarioTarget>? Targets { get; init; }

    /// <summary>Gets the portals.</summary>
    public IReadOnlyList<ScenarioPortal>? Portals { get; init; }

    /// <summary>Gets scripted command failures.</summary>
    public IReadOnlyList<ScenarioFailure>? Failures { get; init; }

    /// <summary>Parses a scenario document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FormatException">The document is not valid JSON for a scenario; the message names the key.</exception>
    public static ScenarioDefinition Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ScenarioDefinition)
                ?? throw new FormatException("The scenario document is 'null'; expected an object with 'targets' and 'portals'.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The scenario document is not valid at {ex.Path ?? "$"}: {ex.Message}", ex);
        }
    }
}
