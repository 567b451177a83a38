using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing.Simulation;

public sealed partial class SimulatedIscsiHost
{
    /// <summary>
    /// Makes the asynchronous parts of the host lag, measured on <see cref="TimeProvider"/>: the kernel's LUN scan
    /// (device and <c>/dev/sdX</c>), udev's links after the device, and multipathd's map after the links. Until then
    /// the objects are invisible to files, commands and snapshots, so the connector must poll, as on a real host.
    /// </summary>
    /// <param name="scan">Scan (or login with automatic scan) to device.</param>
    /// <param name="udev">Device to <c>/dev/disk/by-path</c> and <c>by-id</c> links.</param>
    /// <param name="multipathMap">Links to the multipath map.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A delay is negative.</exception>
    public SimulatedIscsiHost WithAsyncDelays(TimeSpan scan, TimeSpan udev, TimeSpan multipathMap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scan, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(udev, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(multipathMap, TimeSpan.Zero);
        lock (_state.Gate)
        {
            (_state.ScanDelay, _state.UdevDelay, _state.MapDelay) = (scan, udev, multipathMap);
        }

        return this;
    }

    /// <summary>Makes every command take <paramref name="latency"/> (process start and work), unless a program has its own.</summary>
    /// <param name="latency">The time per command; captured real values are 110–390 ms under QEMU TCG.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public SimulatedIscsiHost WithLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_state.Gate)
        {
            _state.DefaultLatency = latency;
        }

        return this;
    }

    /// <summary>Makes every run of <paramref name="program"/> take <paramref name="latency"/>.</summary>
    /// <param name="program">The program name, e.g. <c>iscsiadm</c>.</param>
    /// <param name="latency">The time per run.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public SimulatedIscsiHost WithLatency(string program, TimeSpan latency)
    {
        Guard.Name(program, nameof(program));
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_state.Gate)
        {
            _state.Latencies[program] = latency;
        }

        return this;
    }

    /// <summary>Makes the next <paramref name="times"/> runs of a command fail with the given answer, before the emulation sees them.</summary>
    /// <param name="program">The program, e.g. <c>multipath</c>.</param>
    /// <param name="argumentPrefix">The first arguments that must match, e.g. <c>["-f"]</c>; empty matches every run.</param>
    /// <param name="times">How many runs fail.</param>
    /// <param name="exitCode">The exit code to report.</param>
    /// <param name="standardError">The standard error text.</param>
    /// <param name="standardOutput">The standard output text.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is less than 1.</exception>
    public SimulatedIscsiHost InjectFailure(string program, IEnumerable<string> argumentPrefix, int times, int exitCode, string standardError = "", string standardOutput = "")
    {
        Guard.Name(program, nameof(program));
        ArgumentNullException.ThrowIfNull(argumentPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_state.Gate)
        {
            _state.Failures.Add(new InjectedFailure(program, [.. argumentPrefix], times, exitCode, standardOutput, standardError));
        }

        return this;
    }

    /// <summary>Makes the next <paramref name="times"/> flushes of a map fail as "in use" (<c>multipath -f</c> exits 1).</summary>
    /// <remarks>Matches <c>multipath -f &lt;mapName&gt;</c> exactly as written; a flush by <c>/dev/mapper/…</c> path needs <see cref="InjectFailure"/>.</remarks>
    /// <param name="mapName">The map name, e.g. <c>mpatha</c>.</param>
    /// <param name="times">How many flushes fail.</param>
    /// <returns>This host.</returns>
    public SimulatedIscsiHost MakeMapBusy(string mapName, int times = 1) =>
        InjectFailure("multipath", ["-f", mapName], times, 1, $"{mapName}: map in use\n");

    /// <summary>
    /// Makes the next <paramref name="scans"/> scans that would find a LUN find nothing, as when the array maps the LUN
    /// to this initiator late: the connector must scan again (with backoff) until it appears.
    /// </summary>
    /// <param name="iqn">The target, added before.</param>
    /// <param name="lun">The LUN number.</param>
    /// <param name="scans">How many scans miss it; <see cref="int.MaxValue"/> for "never appears".</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The target or LUN is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scans"/> is less than 1.</exception>
    public SimulatedIscsiHost MissScans(string iqn, int lun, int scans)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scans, 1);
        lock (_state.Gate)
        {
            var target = RequireTarget(iqn);
            if (!target.Luns.Exists(l => l.Lun == lun))
            {
                throw new ArgumentException($"Target {iqn} has no LUN {lun}.", nameof(lun));
            }

            _state.IgnoredScans[(target.Iqn, lun)] = scans;
        }

        return this;
    }
}
