using System.Globalization;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Testing.Internal;

/// <summary>The SCSI midlayer, sd and multipathd of the simulated host. Every method runs under <see cref="HostState.Gate"/>.</summary>
internal static class Kernel
{
    /// <summary>
    /// Scans a session's target for LUNs, as a write of <c>"0 0 L"</c> (or <c>"- - -"</c>) to <c>scsi_host/hostH/scan</c>
    /// does. The target decodes the host's number as tgtd does: peripheral addressing (below 16384) keeps only the low
    /// byte, flat space addressing (16384 + n) is LUN n; a full scan uses REPORT LUNS, where tgtd gives a LUN above 255
    /// flat space addressing. So LUN 300 is the host's 16684, and a scan of "300" reaches LUN 44.
    /// </summary>
    public static void Scan(HostState state, SessionState session, int? hostLun)
    {
        var target = state.FindTarget(session.Iqn);
        if (target is null || session.State != "LOGGED_IN")
        {
            return;
        }

        var units = hostLun is { } asked
            ? target.Luns.Where(u => u.Lun == TargetLun(asked)).Select(u => (Unit: u, HostLun: asked))
            : target.Luns.Select(u => (Unit: u, HostLun: u.Lun < 256 ? u.Lun : FlatSpace + u.Lun));
        foreach (var (unit, number) in units.OrderBy(u => u.HostLun).ToList())
        {
            if (state.Devices.Exists(d => d.Session == session && d.HostLun == number))
            {
                continue;
            }

            if (state.IgnoredScans.TryGetValue((target.Iqn, unit.Lun), out var ignored) && ignored > 0)
            {
                // Not mapped to this initiator yet: the target reports nothing for this LUN on this scan.
                state.IgnoredScans[(target.Iqn, unit.Lun)] = ignored - 1;
                continue;
            }

            var visibleAt = state.Now + state.ScanDelay;
            var device = new ScsiDevice(session, unit, number)
            {
                DiskName = unit.IsController ? null : AllocateDiskName(state),
                VisibleAt = visibleAt,
                LinksVisibleAt = visibleAt + state.UdevDelay,
            };
            state.Devices.Add(device);
            if (device.DiskName is not null)
            {
                OnPathAdded(state, device, explicitAdd: false);
            }
        }
    }

    private const int FlatSpace = 0x4000;

    // tgtd's scsi_get_devid: the addressing method is the top two bits of the LUN's first byte.
    private static int TargetLun(int hostLun) => (hostLun >> 14) switch
    {
        0 => hostLun & 0xff,
        1 => hostLun & 0x3fff,
        _ => -1,
    };

    /// <summary>Removes a device, as writing <c>1</c> to <c>device/delete</c> or a logout does; multipathd drops the path.</summary>
    public static void RemoveDevice(HostState state, ScsiDevice device)
    {
        state.Devices.Remove(device);
        var map = state.Maps.Find(m => m.Paths.Contains(device));
        if (map is null)
        {
            return;
        }

        map.Paths.Remove(device);

        // multipathd flushes a map whose last path went away (flush_on_last_del / remove on last path event).
        if (map.Paths.Count == 0)
        {
            state.Maps.Remove(map);
        }
    }

    /// <summary>Tears a session down with its devices, as a logout does.</summary>
    public static void RemoveSession(HostState state, SessionState session)
    {
        foreach (var device in state.Devices.Where(d => d.Session == session).ToList())
        {
            RemoveDevice(state, device);
        }

        state.Sessions.Remove(session.Id);
    }

    /// <summary>Re-reads the capacity of a device, as <c>device/rescan</c> does.</summary>
    public static void Rescan(ScsiDevice device) => device.SizeBytes = device.Lun.SizeBytes;

    /// <summary>multipathd's reaction to a new path (uevent) or to <c>multipathd add path</c>.</summary>
    public static bool OnPathAdded(HostState state, ScsiDevice device, bool explicitAdd)
    {
        // Without udev multipathd sees no paths at all (captured: "multipath -v3 ... no paths").
        if (!state.MultipathdRunning || !state.Udev || device.DiskName is null)
        {
            return false;
        }

        var wwid = device.Lun.Wwid;
        var map = state.Maps.Find(m => m.Wwid == wwid);
        if (map is not null)
        {
            if (!map.Paths.Contains(device))
            {
                map.Paths.Add(device);
            }

            return true;
        }

        var candidates = state.Devices.Where(d => d.DiskName is not null && d.Lun.Wwid == wwid).ToList();
        var create = explicitAdd || state.KnownWwids.Contains(wwid) || state.FindMultipaths switch
        {
            FindMultipathsMode.No => true,
            FindMultipathsMode.Yes => candidates.Count >= 2,
            _ => false,
        };
        if (!create)
        {
            return false;
        }

        // multipathd acts on udev events, so the map follows the newest path's udev links.
        var visibleAt = candidates.Append(device).Max(d => d.LinksVisibleAt) + state.MapDelay;
        map = new MultipathMap(MapName(state, wwid), LowestFree(state.Maps.Select(m => m.DmIndex)), wwid) { SizeBytes = device.SizeBytes, VisibleAt = visibleAt };
        map.Paths.AddRange(candidates);
        state.Maps.Add(map);
        state.KnownWwids.Add(wwid);
        return true;
    }

    /// <summary>The SCSI id multipath uses: NAA designators get prefix 3, EUI-64 2, T10 1 (as scsi_id prints them).</summary>
    public static string ScsiId(string wwid) => wwid switch
    {
        _ when wwid.StartsWith("naa.", StringComparison.Ordinal) => "3" + wwid[4..],
        _ when wwid.StartsWith("eui.", StringComparison.Ordinal) => "2" + wwid[4..],
        _ when wwid.StartsWith("t10.", StringComparison.Ordinal) => "1" + wwid[4..],
        _ => wwid,
    };

    /// <summary>tgtd's default NAA WWID for target <paramref name="tid"/>, LUN <paramref name="lun"/> (captured: tid 1 LUN 1 is <c>naa.60000000000000000e00000000010001</c>).</summary>
    public static string DefaultWwid(int tid, int lun) =>
        string.Create(CultureInfo.InvariantCulture, $"naa.60000000000000000e000000{tid:x4}{lun:x4}");

    /// <summary>The kernel's sd naming: sda … sdz, sdaa … sdzz, sdaaa (bijective base 26).</summary>
    public static string DiskName(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('a' + ((n - 1) % 26)) + letters;
        }

        return "sd" + letters;
    }

    public static int LowestFree(IEnumerable<int> used)
    {
        var taken = used.ToHashSet();
        var candidate = 0;
        while (taken.Contains(candidate))
        {
            candidate++;
        }

        return candidate;
    }

    private static string AllocateDiskName(HostState state)
    {
        // sd takes the lowest free index (ida), so a name freed by a logout is reused: captured "sda" again.
        var used = state.Devices.Where(d => d.DiskName is not null).Select(d => d.DiskName!).ToHashSet(StringComparer.Ordinal);
        var index = 0;
        while (used.Contains(DiskName(index)))
        {
            index++;
        }

        return DiskName(index);
    }

    private static string MapName(HostState state, string wwid)
    {
        if (!state.UserFriendlyNames)
        {
            return ScsiId(wwid);
        }

        if (state.Bindings.TryGetValue(wwid, out var bound))
        {
            return bound;
        }

        var taken = state.Bindings.Values.ToHashSet(StringComparer.Ordinal);
        var index = 0;
        while (taken.Contains("mpath" + DiskName(index)[2..]))
        {
            index++;
        }

        var name = "mpath" + DiskName(index)[2..];
        state.Bindings[wwid] = name;
        return name;
    }
}
