using System.Diagnostics;
using IscsiConnector.Benchmarks.Reporting;
using IscsiConnector.Benchmarks.Support;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Benchmarks.Suites;

/// <summary>
/// 16 volumes on 16 targets attached at once, then detached at once, with real per-command latency
/// (<see cref="TimeProvider.System"/>). Us: the connector as is (per-(portal, target) locks). Peer: the same
/// calls behind one host-wide lock, as os-brick's synchronized <c>connect_volume</c>/<c>disconnect_volume</c>.
/// </summary>
public static class ConcurrencySuite
{
    public const string Name = "concurrency";
    private const int VolumeCount = 16;
    private const double MaxRatio = 0.5;
    private const string Portal = "127.0.0.1:3260";

    public static async Task<SuiteReport> RunAsync(bool quick)
    {
        var report = new SuiteReport(Name, $"{VolumeCount} volumes on {VolumeCount} targets attached concurrently, then detached (internal regression check: the peer is this connector behind one host-wide lock; the real os-brick is measured by the bed benchmark)");
        var latency = TimeSpan.FromMilliseconds(quick ? 20 : 30);
        var rounds = quick ? 3 : 5;

        await OneVolumeAsync(latency, report); // warm-up (JIT)
        await RoundAsync(latency, serialised: false, report);
        await RoundAsync(latency, serialised: true, report);

        var oneAttach = new List<double>();
        var oneDetach = new List<double>();
        var ours = new List<Round>();
        var peer = new List<Round>();
        for (var i = 0; i < rounds; i++)
        {
            var (attach, detach) = await OneVolumeAsync(latency, report);
            oneAttach.Add(attach);
            oneDetach.Add(detach);
            ours.Add(await RoundAsync(latency, serialised: false, report));
            peer.Add(await RoundAsync(latency, serialised: true, report));
        }

        var one = (Attach: Statistics.Median(oneAttach), Detach: Statistics.Median(oneDetach));
        report.Figures.Add(new Figure("one attach alone, ms", Figure.Format(one.Attach, "ms"), "(same code)"));
        report.Figures.Add(new Figure("one detach alone, ms", Figure.Format(one.Detach, "ms"), "(same code)"));
        report.Figures.Add(new Figure($"{VolumeCount} × one attach (no overlap), ms", Figure.Format(VolumeCount * one.Attach, "ms"), ""));
        report.Figures.Add(Figure.AtMost($"{VolumeCount} attaches at once, ms", Statistics.Median(ours.Select(r => r.Attach)), Statistics.Median(peer.Select(r => r.Attach)), "ms", MaxRatio));
        report.Figures.Add(Figure.AtMost($"{VolumeCount} detaches at once, ms", Statistics.Median(ours.Select(r => r.Detach)), Statistics.Median(peer.Select(r => r.Detach)), "ms", MaxRatio));
        report.Figures.Add(new Figure("  of which inside simulated sysfs (summed over calls), ms", Figure.Format(Statistics.Median(ours.Select(r => r.SysfsMs)), "ms"), Figure.Format(Statistics.Median(peer.Select(r => r.SysfsMs)), "ms")));
        report.Figures.Add(new Figure("  sysfs calls per attach+detach", Figure.Format(Statistics.Median(ours.Select(r => r.SysfsCalls)) / VolumeCount, ""), Figure.Format(Statistics.Median(peer.Select(r => r.SysfsCalls)) / VolumeCount, "")));

        report.Notes.Add($"Simulated host on TimeProvider.System: every command takes {latency.TotalMilliseconds} ms of real time; one portal {Portal} exposing {VolumeCount} targets with LUN 1 each. Median of {rounds} round(s) after one warm-up round; a fresh host per round.");
        report.Notes.Add("The simulated host answers every sysfs read under one lock and its cost grows with the number of sessions (~1 ms per call with 16 sessions here), so ours is bounded by the simulator's CPU, not by the connector's locks: the row above shows that time (summed over concurrent calls, lock waits included).");
        report.Notes.Add("Peer: this connector behind one host-wide SemaphoreSlim around each ConnectVolumeAsync/DisconnectVolumeAsync — os-brick's external 'connect_volume' lock, which serialises every attach and detach on a host.");
        return report;
    }

    private static async Task<(double Attach, double Detach)> OneVolumeAsync(TimeSpan latency, SuiteReport report)
    {
        var host = NewHost(latency, 1);
        var connector = BenchConnectors.Create(host);
        var info = Volumes.Single(1, Portal);
        var watch = Stopwatch.StartNew();
        var attachment = await connector.ConnectVolumeAsync(info);
        var attach = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        await connector.DisconnectVolumeAsync(info, attachment);
        var detach = watch.Elapsed.TotalMilliseconds;
        CheckClean(host, report);
        return (attach, detach);
    }

    private static async Task<Round> RoundAsync(TimeSpan latency, bool serialised, SuiteReport report)
    {
        var host = NewHost(latency, VolumeCount);
        var sysfs = new TimedFileSystem(host);
        var connector = BenchConnectors.Create(host, fileSystem: sysfs);
        using var peer = new HostLockSerializedConnector(connector);
        var infos = Enumerable.Range(1, VolumeCount).Select(v => Volumes.Single(v, Portal)).ToArray();

        var watch = Stopwatch.StartNew();
        var attachments = await Task.WhenAll(infos.Select(info => serialised ? peer.ConnectVolumeAsync(info) : connector.ConnectVolumeAsync(info)));
        var attach = watch.Elapsed.TotalMilliseconds;

        if (attachments.Select(a => a.Path).Distinct().Count() != VolumeCount)
        {
            report.Problems.Add($"{VolumeCount} attaches returned {attachments.Select(a => a.Path).Distinct().Count()} distinct devices");
        }

        watch.Restart();
        await Task.WhenAll(infos.Select((info, i) => serialised ? peer.DisconnectVolumeAsync(info, attachments[i]) : connector.DisconnectVolumeAsync(info, attachments[i])));
        var detach = watch.Elapsed.TotalMilliseconds;
        CheckClean(host, report);
        return new Round(attach, detach, sysfs.Total.TotalMilliseconds, sysfs.Calls);
    }

    private static SimulatedIscsiHost NewHost(TimeSpan latency, int targets)
    {
        var host = new SimulatedIscsiHost(TimeProvider.System).WithLatency(latency);
        for (var v = 1; v <= targets; v++)
        {
            host.AddTarget(Volumes.Iqn(v), new SimulatedLun(1, SimulatedIscsiHost.DefaultLunSizeBytes));
        }

        return host.AddPortal(Portal);
    }

    private static void CheckClean(SimulatedIscsiHost host, SuiteReport report)
    {
        if (host.Leaks() is { Count: > 0 } leaks)
        {
            report.Problems.Add($"left behind after detach: {string.Join("; ", leaks)}");
        }
    }

    private sealed record Round(double Attach, double Detach, double SysfsMs, double SysfsCalls);
}
