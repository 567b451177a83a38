using System.Text.Json.Nodes;

namespace IscsiConnector.BedBench;

/// <summary>
/// Where one call's time went: inside processes (by program), inside file-system accesses, JIT, and the
/// rest — time when nothing ran (waits, poll intervals, lock waits, in-process work) — with the longest
/// such gaps named by what came before and after them, which is how fixed sleeps and poll intervals show.
/// </summary>
internal static class PhaseBreakdown
{
    private const double GapThresholdMs = 20;

    public static JsonObject Summarise(IReadOnlyList<Step> steps, double totalMs, CallRecord record, double jitMs)
    {
        var busy = steps.Where(s => s.Kind != "event").Select(s => (s.StartMs, End: s.StartMs + s.DurationMs)).ToList();
        var commandUnion = Union(steps.Where(s => s.Kind == "cmd").Select(s => (s.StartMs, s.StartMs + s.DurationMs)));
        var busyUnion = Union(busy);
        var byProgram = new JsonObject();
        foreach (var group in steps.Where(s => s.Kind == "cmd").GroupBy(s => Program(s.Text)))
        {
            byProgram[group.Key] = new JsonObject { ["n"] = group.Count(), ["ms"] = Math.Round(group.Sum(s => s.DurationMs), 1) };
        }

        return new JsonObject
        {
            ["total_ms"] = Math.Round(totalMs, 1),
            ["commands_ms"] = Math.Round(commandUnion, 1),
            ["by_program"] = byProgram,
            ["sysfs_ms"] = Math.Round(record.SysfsMs, 1),
            ["sysfs_calls"] = record.SysfsCalls,
            ["lock_tries"] = steps.Count(s => s.Kind == "lock"),
            ["lock_ms"] = Math.Round(steps.Where(s => s.Kind == "lock").Sum(s => s.DurationMs), 1),
            ["idle_ms"] = Math.Round(Math.Max(0, totalMs - busyUnion), 1),
            ["jit_ms"] = Math.Round(jitMs, 1),
            ["gaps"] = Gaps(steps, totalMs),
        };
    }

    public static JsonArray Timeline(IReadOnlyList<Step> steps) =>
        new([.. steps.Where(s => s.Kind != "sysfs").Select(s => (JsonNode)new JsonObject
        {
            ["t"] = Math.Round(s.StartMs, 1),
            ["ms"] = Math.Round(s.DurationMs, 1),
            ["kind"] = s.Kind,
            ["text"] = s.Text,
            ["rc"] = s.ExitCode,
        })]);

    private static string Program(string commandLine)
    {
        var first = commandLine.Split(' ', 2)[0];
        return first[(first.LastIndexOf('/') + 1)..];
    }

    private static double Union(IEnumerable<(double Start, double End)> intervals)
    {
        double total = 0, currentStart = double.NaN, currentEnd = double.NaN;
        foreach (var (start, end) in intervals.OrderBy(i => i.Start))
        {
            if (double.IsNaN(currentStart) || start > currentEnd)
            {
                if (!double.IsNaN(currentStart))
                {
                    total += currentEnd - currentStart;
                }

                (currentStart, currentEnd) = (start, end);
            }
            else
            {
                currentEnd = Math.Max(currentEnd, end);
            }
        }

        return double.IsNaN(currentStart) ? total : total + currentEnd - currentStart;
    }

    // Stretches of the call with no command and no file-system access running, longest first.
    private static JsonArray Gaps(IReadOnlyList<Step> steps, double totalMs)
    {
        var busy = steps.Where(s => s.Kind != "event").OrderBy(s => s.StartMs).ToList();
        var gaps = new List<(double Start, double Length, string Before, string After)>();
        double cursor = 0;
        var before = "call start";
        foreach (var step in busy)
        {
            if (step.StartMs - cursor >= GapThresholdMs)
            {
                gaps.Add((cursor, step.StartMs - cursor, before, Describe(step)));
            }

            if (step.StartMs + step.DurationMs > cursor)
            {
                cursor = step.StartMs + step.DurationMs;
                before = Describe(step);
            }
        }

        if (totalMs - cursor >= GapThresholdMs)
        {
            gaps.Add((cursor, totalMs - cursor, before, "call end"));
        }

        return new([.. gaps.OrderByDescending(g => g.Length).Take(8).Select(g => (JsonNode)new JsonObject
        {
            ["at_ms"] = Math.Round(g.Start, 1),
            ["ms"] = Math.Round(g.Length, 1),
            ["after"] = g.Before,
            ["before"] = g.After,
        })]);
    }

    private static string Describe(Step step) =>
        step.Text.Length > 110 ? $"{step.Kind} {step.Text[..110]}…" : $"{step.Kind} {step.Text}";
}
