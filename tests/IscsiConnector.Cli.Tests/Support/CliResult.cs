using System.Text.Json;

namespace IscsiConnector.Cli.Tests.Support;

/// <summary>What one run of the tool did: exit code, the two streams apart, and the wall-clock time.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Parses standard output, which must be exactly one JSON document.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalMilliseconds:0} ms\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
