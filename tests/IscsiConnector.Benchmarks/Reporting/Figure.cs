namespace IscsiConnector.Benchmarks.Reporting;

/// <summary>
/// One row of a suite's table: our figure, the peer's (measured in the same run, or derived from code where
/// the note says so), their ratio, and the target the row checks. Rows without a target are context only.
/// </summary>
public sealed record Figure(string Measure, string Ours, string Peer, double? Ratio = null, string? Target = null, bool? Passed = null)
{
    /// <summary>Builds a row whose target is "ours ≤ <paramref name="maxRatio"/> × peer".</summary>
    public static Figure AtMost(string measure, double ours, double peer, string unit, double maxRatio)
    {
        var ratio = ours / peer;
        return new Figure(measure, Format(ours, unit), Format(peer, unit), ratio, $"≤ {maxRatio:0.###}×", ratio <= maxRatio);
    }

    public static string Format(double value, string unit) => unit switch
    {
        "s" => $"{value:0.000} s",
        "ms" => $"{value:0.0} ms",
        "ns" => $"{value:0} ns",
        "" => $"{value:0}",
        _ => $"{value:0.###} {unit}",
    };
}
