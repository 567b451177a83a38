using System.Diagnostics;
using IscsiConnector.Benchmarks.Reporting;
using IscsiConnector.Benchmarks.Support;
using IscsiConnector.Execution;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Benchmarks.Suites;

/// <summary>
/// Attach and detach of one volume on a host that already has 1, 100 or 1,000 unrelated sessions (logged in
/// through the simulated host's own iscsiadm, not by the connector). The connector must not do more work per
/// unrelated session: the time outside the simulator's file system stays within 1.2× of the 1-session figure
/// and the number of file-system calls stays the same. Peer: the same attach on the 1-session host.
/// </summary>
public static class ScaleSuite
{
    public const string Name = "scale";
    private const double MaxRatio = 1.2;
    private const string Portal = "127.0.0.1:3260";
    

    public static async Task<SuiteReport> RunAsync(bool quick)
    {
        var report = new SuiteReport(Name, "attach + detach with 1, 100 and 1,000 unrelated sessions on the host (peer: 1 session)");
        var latency = TimeSpan.FromMilliseconds(20);
        var rounds = quick ? 3 : 5;
        // The simulator's cost per file-system call grows with the sessions (see the notes), so quick mode stops at 100.
        int[] sessionCounts = quick ? [1, 100] : [1, 100, 1000];
        var sysfsReadMs = RealSysfsReadMs();
        var results = new Dictionary<int, Measured>();
        foreach (var sessions in sessionCounts)
        {
            var setup = Stopwatch.StartNew();
            var host = await NewHostAsync(latency, sessions);
            Console.Error.WriteLine($"scale: {sessions} unrelated session(s) set up in {setup.Elapsed.TotalSeconds:0.0} s");
            await MeasureAsync(host, report); // warm-up (JIT, the first lock file)
            var measured = new List<Measured>();
            for (var i = 0; i < rounds; i++)
            {
                measured.Add(await MeasureAsync(host, report));
            }

            results[sessions] = new Measured(
                Statistics.Median(measured.Select(m => m.TotalMs)),
                Statistics.Median(measured.Select(m => m.OutsideSysfsMs)),
                Statistics.Median(measured.Select(m => m.SysfsCalls)),
                Statistics.Median(measured.Select(m => m.Commands)));
        }

        var one = results[1];
        foreach (var sessions in sessionCounts.Skip(1))
        {
            var r = results[sessions];
            report.Figures.Add(new Figure($"{sessions} sessions: attach + detach, ms (all)", Figure.Format(r.TotalMs, "ms"), Figure.Format(one.TotalMs, "ms"), r.TotalMs / one.TotalMs));
            report.Figures.Add(Figure.AtMost($"{sessions} sessions: the connector's own time (outside simulated sysfs and commands), ms", r.OutsideSysfsMs, one.OutsideSysfsMs, "ms", MaxRatio));
            report.Figures.Add(new Figure(
                $"{sessions} sessions: file-system calls, commands",
                $"{r.SysfsCalls:0}, {r.Commands:0}",
                $"{one.SysfsCalls:0}, {one.Commands:0}",
                r.SysfsCalls / one.SysfsCalls));
            report.Figures.Add(new Figure(
                $"{sessions} sessions: extra file-system calls per unrelated session",
                Figure.Format((r.SysfsCalls - one.SysfsCalls) / (sessions - 1), ""),
                "0"));
            report.Figures.Add(Figure.AtMost(
                $"{sessions} sessions: estimated on a real host (own + {latency.TotalMilliseconds:0} ms per command + calls × {sysfsReadMs * 1000:0.0} µs), ms",
                r.OutsideSysfsMs + (r.Commands * latency.TotalMilliseconds) + (r.SysfsCalls * sysfsReadMs),
                one.OutsideSysfsMs + (one.Commands * latency.TotalMilliseconds) + (one.SysfsCalls * sysfsReadMs),
                "ms",
                MaxRatio));
        }

        report.Notes.Add($"Simulated host on TimeProvider.System, {latency.TotalMilliseconds} ms per command; the unrelated sessions are logins to other targets on {Portal} made with the host's own iscsiadm. Median of {rounds} attach + detach pairs after a warm-up, same host.");
        report.Notes.Add($"A real sysfs attribute read costs {sysfsReadMs * 1000:0.0} µs on this machine (median of 5 × 2,000 reads of /sys/class/net/lo/mtu, or 10 µs when there is no such file); the estimate prices every file-system call at that.");
        report.Notes.Add("The simulator rebuilds its whole sysfs view on every file-system call (cost grows with the sessions), and its iscsiadm's CPU grows too, so both are shown but not judged: the judged figures are the connector's own time (the rest) and an estimate for a real host, every command at its fixed latency and every file-system call at a real sysfs read.");
        return report;
    }

    private static async Task<SimulatedIscsiHost> NewHostAsync(TimeSpan latency, int unrelated)
    {
        var host = new SimulatedIscsiHost(TimeProvider.System);
        for (var v = 0; v <= unrelated; v++)
        {
            host.AddTarget(Volumes.Iqn(v), new SimulatedLun(1, SimulatedIscsiHost.DefaultLunSizeBytes));
        }

        host.AddPortal(Portal);
        for (var v = 1; v <= unrelated; v++)
        {
            await Iscsiadm(host, "-m", "node", "-T", Volumes.Iqn(v), "-p", Portal, "-o", "new");
            await Iscsiadm(host, "-m", "node", "-T", Volumes.Iqn(v), "-p", Portal, "--login");
        }

        return host.WithLatency(latency);
    }

    private static async Task Iscsiadm(SimulatedIscsiHost host, params string[] arguments)
    {
        var result = await host.ExecuteAsync(new CommandSpec("iscsiadm", arguments));
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"setting up unrelated sessions: iscsiadm {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StandardError}");
        }
    }

    private static async Task<Measured> MeasureAsync(SimulatedIscsiHost host, SuiteReport report)
    {
        var sysfs = new TimedFileSystem(host);
        var commands = new TimedExecutor(host);
        var connector = IscsiConnectorFactory.Create(new IscsiConnectorOptions { LockDirectory = BenchConnectors.LockDirectory }, commands, sysfs, host.TimeProvider);
        var info = Volumes.Single(0, Portal);
        var commandsBefore = host.ProcessStartCount;
        var watch = Stopwatch.StartNew();
        var attachment = await connector.ConnectVolumeAsync(info);
        await connector.DisconnectVolumeAsync(info, attachment);
        var total = watch.Elapsed.TotalMilliseconds;
        if (host.Leaks(includeNodeRecords: false).Any(l => l.Contains(Volumes.Iqn(0), StringComparison.Ordinal)))
        {
            report.Problems.Add("the volume was left behind after detach");
        }

        return new Measured(total, total - sysfs.Total.TotalMilliseconds - commands.Total.TotalMilliseconds, sysfs.Calls, host.ProcessStartCount - commandsBefore);
    }

    private static double RealSysfsReadMs()
    {
        const string Attribute = "/sys/class/net/lo/mtu";
        if (!File.Exists(Attribute))
        {
            return 0.010;
        }

        var batches = new List<double>();
        for (var b = 0; b < 5; b++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 2000; i++)
            {
                _ = File.ReadAllText(Attribute);
            }

            batches.Add(watch.Elapsed.TotalMilliseconds / 2000);
        }

        return Statistics.Median(batches);
    }

    private sealed record Measured(double TotalMs, double OutsideSysfsMs, double SysfsCalls, double Commands);
}
