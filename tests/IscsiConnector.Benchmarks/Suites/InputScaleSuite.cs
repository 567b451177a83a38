using System.Diagnostics;
using System.Text;
using System.Text.Json;
using IscsiConnector.Benchmarks.Reporting;
using IscsiConnector.Benchmarks.Support;

namespace IscsiConnector.Benchmarks.Suites;

/// <summary>
/// Input bounds (issue 12, item 8): validation grows linearly with the portal lists, and oversize documents are
/// refused in about the time it takes to read them. Before the fix a 16 000-portal document took 8.4 s to parse
/// (quadratic duplicate checks) and a 100 000-portal one did not finish in 6 minutes.
/// </summary>
public static class InputScaleSuite
{
    public const string Name = "input-scale";

    public static Task<SuiteReport> RunAsync(bool quick)
    {
        var report = new SuiteReport(Name, "ConnectionInfo validation as lists grow; oversize input refused fast");
        var rounds = quick ? 5 : 15;

        // Linear: the cost per portal of a full list is about that of a short one (quadratic would be 16× here).
        var small = Document(16);
        var full = Document(ConnectionInfoLimits.MaxPaths);
        var perPathFull = Median(rounds, () => ParseAndOrder(full)) / ConnectionInfoLimits.MaxPaths;
        var perPathSmall = Median(rounds, () => ParseAndOrder(small)) / 16;
        report.Figures.Add(Figure.AtMost($"Parse+Validate+FailoverOrder per portal, {ConnectionInfoLimits.MaxPaths} vs 16 portals, ns", perPathFull, perPathSmall, "ns", 3));

        // Models built in code have no cap on FailoverOrder: 8 000 paths vs 1 000, per path (quadratic would be 8×; larger lists no longer fit the CPU caches, which blurs the comparison).
        var big = Model(8_000);
        var little = Model(1_000);
        report.Figures.Add(Figure.AtMost("FailoverOrder per path, 8 000 vs 1 000 paths (model built in code), ns",
            Median(rounds, () => _ = Fresh(big).FailoverOrder) / 8_000, Median(rounds, () => _ = Fresh(little).FailoverOrder) / 1_000, "ns", 3));

        // Oversize documents: refused, and no slower than merely parsing their JSON.
        foreach (var count in new[] { 16_000, 100_000 })
        {
            var text = Document(count);
            var refused = Median(3, () => Refuse(text, report));
            var parseOnly = Median(3, () => JsonDocument.Parse(text).Dispose());
            report.Figures.Add(Figure.AtMost($"{count}-portal document ({text.Length / 1024} KiB) refused vs JsonDocument.Parse of it, ns", refused, parseOnly, "ns", 1.5));
        }

        report.Notes.Add($"Documents: one target, portals 10.x.y.z:3260; caps: {ConnectionInfoLimits.MaxPaths} entries per list, {ConnectionInfoLimits.MaxDocumentBytes} bytes per document. Method: Stopwatch, a full garbage collection before each run, median of {rounds} runs after a warm-up (3 for the oversize documents).");
        report.Notes.Add("Peers: the same operation on a short list (linearity), or System.Text.Json reading the same text (the floor).");
        return Task.FromResult(report);
    }

    private static void ParseAndOrder(string text)
    {
        var info = ConnectionInfo.Parse(text);
        _ = info.FailoverOrder.Count + info.MultipathPaths.Count;
    }

    private static void Refuse(string text, SuiteReport report)
    {
        try
        {
            ConnectionInfo.Parse(text);
            report.Problems.Add($"a document of {text.Length} characters was accepted");
        }
        catch (ConnectionInfoException)
        {
        }
    }

    private static string Document(int portals)
    {
        var builder = new StringBuilder("""{"target_iqn":"iqn.2010-10.org.openstack:volume-1","target_lun":1,"target_portal":"10.0.0.1:3260","target_portals":[""");
        for (var i = 0; i < portals; i++)
        {
            builder.Append(i == 0 ? "\"" : ",\"").Append($"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}:3260\"");
        }

        return builder.Append("]}").ToString();
    }

    private static List<IscsiPath> Model(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new IscsiPath(new IscsiPortal($"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"), "iqn.2010-10.org.openstack:volume-1", 1))];

    // FailoverOrder is cached per instance: a new instance per run measures the computation.
    private static ConnectionInfo Fresh(List<IscsiPath> paths) => new() { Primary = paths[0], Portals = paths };

    private static double Median(int rounds, Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            // Large lists make garbage; collect it between runs so one run does not pay for another's.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalNanoseconds);
        }

        return Statistics.Median(times);
    }
}
