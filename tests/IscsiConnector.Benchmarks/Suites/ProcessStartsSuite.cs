using IscsiConnector.Benchmarks.Reporting;
using IscsiConnector.Benchmarks.Support;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Benchmarks.Suites;

/// <summary>
/// Processes started per attach and detach, counted by the simulated host, next to os-brick's counts derived
/// from its code (<c>connectors/iscsi.py</c>, <c>linuxscsi.py</c>; see docs/connector.md and docs/benchmarks.md).
/// </summary>
public static class ProcessStartsSuite
{
    public const string Name = "process-starts";
    private const string PortalA = "127.0.0.1:3260";
    private const string PortalB = "127.0.0.2:3260";

    // os-brick, derived from code (not measured): see docs/benchmarks.md for the command lists.
    private const int OsBrickSingleAttach = 8;
    private const int OsBrickSingleAttachChap = 11;
    private const int OsBrickMultipathAttach = 16; // 2 × 8; +2 (multipath -a, multipathd add path) when no map exists yet
    private const int OsBrickSingleDetach = 9;
    private const int OsBrickMultipathDetach = 13;

    public static async Task<SuiteReport> RunAsync(bool verbose)
    {
        var report = new SuiteReport(Name, "processes started per attach/detach (internal regression check: the peer is os-brick's count derived from its code; the bed benchmark measures the real one)");
        var transcripts = new List<string>();

        var single = await CountAsync(Volumes.Single(1, PortalA), multipath: false, chap: false, transcripts);
        var chap = await CountAsync(Volumes.Single(1, PortalA, chap: true), multipath: false, chap: true, transcripts);
        var multipath = await CountAsync(Volumes.Multipath(1, PortalA, PortalB), multipath: true, chap: false, transcripts);

        Add(report, "single-portal attach, new record, no CHAP", single.Attach, OsBrickSingleAttach);
        Add(report, "single-portal attach, new record, CHAP", chap.Attach, OsBrickSingleAttachChap);
        Add(report, "2-portal multipath attach, no CHAP", multipath.Attach, OsBrickMultipathAttach);
        Add(report, "single-path detach", single.Detach, OsBrickSingleDetach);
        Add(report, "2-path multipath detach", multipath.Detach, OsBrickMultipathDetach);

        report.Notes.Add("IscsiConnector: measured — commands recorded by SimulatedIscsiHost (sysfs reads and writes are not processes). os-brick: DERIVED FROM CODE, not measured (os-brick cannot run here); command lists in docs/benchmarks.md.");
        report.Notes.Add("os-brick's 2-portal multipath attach is 16 when multipathd already built the map, 18 otherwise (multipath -a <wwid>, multipathd add path); the lower figure is used.");
        if (verbose)
        {
            report.Notes.AddRange(transcripts);
        }

        return report;
    }

    private static void Add(SuiteReport report, string measure, int ours, int osBrick) =>
        report.Figures.Add(new Figure(measure, ours.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{osBrick} (from code)", (double)ours / osBrick, "< peer", ours < osBrick));

    private static async Task<(int Attach, int Detach)> CountAsync(ConnectionInfo info, bool multipath, bool chap, List<string> transcripts)
    {
        var host = new SimulatedIscsiHost(new SimulatedTimeProvider())
            .AddTarget(info.Primary.Iqn, new SimulatedLun(1, SimulatedIscsiHost.DefaultLunSizeBytes))
            .AddPortal(PortalA)
            .AddPortal(PortalB);
        if (chap)
        {
            host.WithTargetChap(info.Primary.Iqn, Volumes.ChapUser, Volumes.ChapSecret);
        }

        var connector = BenchConnectors.Create(host, o => o.UseMultipath = multipath);
        var attachment = await connector.ConnectVolumeAsync(info);
        var attach = host.ProcessStartCount;
        var label = $"{(multipath ? "multipath" : "single")}{(chap ? "+CHAP" : "")}";
        transcripts.Add($"{label} attach ({attachment.Path}):\n    {host.RenderInvocations().Replace("\n", "\n    ", StringComparison.Ordinal)}");

        host.ClearInvocations();
        await connector.DisconnectVolumeAsync(info, attachment);
        var detach = host.ProcessStartCount;
        transcripts.Add($"{label} detach:\n    {host.RenderInvocations().Replace("\n", "\n    ", StringComparison.Ordinal)}");
        if (host.Leaks() is { Count: > 0 } leaks)
        {
            throw new InvalidOperationException($"{label}: left behind after detach: {string.Join("; ", leaks)}");
        }

        return (attach, detach);
    }
}
