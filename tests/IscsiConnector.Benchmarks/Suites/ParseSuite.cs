using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IscsiConnector.Benchmarks.Reporting;
using IscsiConnector.Benchmarks.Support;

namespace IscsiConnector.Benchmarks.Suites;

/// <summary>
/// <see cref="ConnectionInfo.Parse"/> of a realistic multipath + CHAP document against the floor,
/// <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> of the same text (parsing without validation).
/// </summary>
public static class ParseSuite
{
    public const string Name = "parse";

    /// <summary>Chosen before measuring: validation and building the model may cost up to 10× the bare JSON parse.</summary>
    private const double MaxRatio = 10;

    public static Task<SuiteReport> RunAsync(bool quick)
    {
        var report = new SuiteReport(Name, "ConnectionInfo.Parse vs JsonDocument.Parse of the same multipath+CHAP document");
        var text = Volumes.RealisticMultipathChapDocument;
        var parsed = ConnectionInfo.Parse(text);
        if (parsed.MultipathPaths.Count != 4 || parsed.Chap is null || parsed.DiscoveryChap is null)
        {
            report.Problems.Add($"the document did not parse as 4 paths with CHAP and discovery CHAP: {parsed}");
        }

        var (ours, peer, method) = quick ? MeasureWithStopwatch(text) : MeasureWithBenchmarkDotNet();
        report.Figures.Add(Figure.AtMost("parse one document, ns/op", ours, peer, "ns", MaxRatio));
        var (oursBytes, peerBytes) = (AllocatedPerCall(text, Ours), AllocatedPerCall(text, Peer));
        report.Figures.Add(new Figure("allocated per parse, bytes", Figure.Format(oursBytes, ""), Figure.Format(peerBytes, ""), oursBytes / peerBytes));
        report.Notes.Add($"Document: {text.Length} characters (4 portals incl. IPv6, CHAP, discovery CHAP, extra keys). Method: {method}.");
        report.Notes.Add("Peer: JsonDocument.Parse (+ Dispose) of the same text — the floor, since ConnectionInfo.Parse itself starts with JsonDocument.Parse and then validates every key and builds the model.");
        return Task.FromResult(report);
    }

    /// <summary>Quick mode: interleaved batches after a warm-up, median ns/op of each.</summary>
    private static (double Ours, double Peer, string Method) MeasureWithStopwatch(string text)
    {
        const int warmupIterations = 20_000;
        const int batches = 9;
        const int perBatch = 20_000;
        for (var i = 0; i < warmupIterations; i++)
        {
            Ours(text);
            Peer(text);
        }

        var ours = new List<double>();
        var peer = new List<double>();
        for (var b = 0; b < batches; b++)
        {
            ours.Add(Batch(text, perBatch, Ours));
            peer.Add(Batch(text, perBatch, Peer));
        }

        return (Statistics.Median(ours), Statistics.Median(peer),
            $"Stopwatch, {warmupIterations} warm-up iterations each, then median of {batches} interleaved batches of {perBatch}");
    }

    private static double Batch(string text, int iterations, Action<string> action)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            action(text);
        }

        return watch.Elapsed.TotalNanoseconds / iterations;
    }

    private static double AllocatedPerCall(string text, Action<string> action)
    {
        const int iterations = 1_000;
        action(text);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            action(text);
        }

        return (double)(GC.GetAllocatedBytesForCurrentThread() - before) / iterations;
    }

    private static void Ours(string text) => ConnectionInfo.Parse(text);

    private static void Peer(string text) => JsonDocument.Parse(text).Dispose();

    /// <summary>Full mode: BenchmarkDotNet's ShortRun job, in process (its out-of-process toolchain does not know net10.0 in 0.14).</summary>
    private static (double Ours, double Peer, string Method) MeasureWithBenchmarkDotNet()
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "iscsi-connector-bench", "BenchmarkDotNet.Artifacts"));
        var summary = BenchmarkRunner.Run<ParseBenchmarks>(config);
        double Mean(string method) => summary.Reports
            .Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)
            .ResultStatistics?.Mean ?? double.NaN;
        return (Mean(nameof(ParseBenchmarks.ConnectionInfoParse)), Mean(nameof(ParseBenchmarks.JsonDocumentParse)),
            "BenchmarkDotNet 0.14 ShortRun (3 warm-ups, 3 iterations), in-process emit toolchain, mean");
    }
}
