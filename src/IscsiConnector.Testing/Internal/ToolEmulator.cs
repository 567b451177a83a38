using System.Globalization;

namespace IscsiConnector.Testing.Internal;

/// <summary>blockdev, multipath, multipathd and udevadm over the simulated state (the forms the connector uses).</summary>
internal sealed class ToolEmulator(HostState state)
{
    public ToolResult Run(string program, IReadOnlyList<string> args)
    {
        lock (state.Gate)
        {
            return program switch
            {
                "blockdev" => Blockdev(args),
                "multipath" => Multipath(args),
                "multipathd" => Multipathd(args),
                "udevadm" => ToolResult.Ok(),
                _ => ToolResult.Fail(127, $"{program}: command not found (the simulated host does not emulate it)"),
            };
        }
    }

    /// <summary>Finds the block device behind <c>/dev/sdX</c>, <c>/dev/dm-N</c> or <c>/dev/mapper/NAME</c>: its size, or null.</summary>
    public long? SizeOf(string path)
    {
        var name = path.StartsWith("/dev/mapper/", StringComparison.Ordinal) ? path["/dev/mapper/".Length..] : path.StartsWith("/dev/", StringComparison.Ordinal) ? path[5..] : null;
        if (name is null)
        {
            return null;
        }

        var disk = state.VisibleDevices.FirstOrDefault(d => d.DiskName == name);
        if (disk is not null)
        {
            return disk.SizeBytes;
        }

        return state.VisibleMaps.FirstOrDefault(m => m.Name == name || m.DmName == name)?.SizeBytes;
    }

    private ToolResult Blockdev(IReadOnlyList<string> args)
    {
        if (args.Count != 2 || args[0] is not ("--flushbufs" or "--getsize64"))
        {
            return ToolResult.Fail(1, "blockdev: the simulated host emulates only --flushbufs and --getsize64 <device>");
        }

        if (SizeOf(args[1]) is not { } size)
        {
            return ToolResult.Fail(1, $"blockdev: cannot open {args[1]}: No such file or directory");
        }

        // Seen on the test bed: a disk whose session failed (state "blocked") cannot even be opened.
        if (state.VisibleDevices.FirstOrDefault(d => "/dev/" + d.DiskName == args[1]) is { State: not "running" })
        {
            return ToolResult.Fail(1, $"blockdev: cannot open {args[1]}: No such device or address");
        }

        return args[0] == "--getsize64" ? ToolResult.Ok(size.ToString(CultureInfo.InvariantCulture) + "\n") : ToolResult.Ok();
    }

    private ToolResult Multipath(IReadOnlyList<string> args)
    {
        if (args.Count == 2 && args[0] == "-f")
        {
            var name = args[1].StartsWith("/dev/mapper/", StringComparison.Ordinal) ? args[1]["/dev/mapper/".Length..] : args[1];
            var map = state.VisibleMaps.FirstOrDefault(m => m.Name == name || m.DmName == name || "/dev/" + m.DmName == name);
            if (map is null)
            {
                // Captured (multipath.txt): libdevmapper's complaint, then multipath's, each after an uptime stamp.
                var stamp = (state.Time.GetTimestamp() / (double)state.Time.TimestampFrequency).ToString("0.000000", CultureInfo.InvariantCulture);
                return ToolResult.Fail(1, $"{stamp} | libdevmapper: ioctl/libdm-iface.c(1980): device-mapper: table ioctl on {name}  failed: No such device or address\n{stamp} | {name} is not a multipath device");
            }

            // Flushing removes the map; the paths stay as plain disks.
            state.Maps.Remove(map);
            return ToolResult.Ok();
        }

        if (args.Count == 2 && args[0] == "-a")
        {
            // multipath -a: the WWID goes to /etc/multipath/wwids (scsi_id's form: 3… is naa., 2… eui., 1… t10.).
            var known = args[1] switch
            {
                ['3', .. var rest] => "naa." + rest,
                ['2', .. var rest] => "eui." + rest,
                ['1', .. var rest] => "t10." + rest,
                var other => other,
            };
            state.KnownWwids.Add(known);
            return ToolResult.Ok($"wwid '{args[1]}' added\n");
        }

        if (args.Count >= 1 && args[0] == "-ll")
        {
            return ToolResult.Ok(string.Concat(state.VisibleMaps.Select(m =>
                $"{m.Name} ({Kernel.ScsiId(m.Wwid)}) {m.DmName} {m.Paths.FirstOrDefault()?.Lun.Vendor},{m.Paths.FirstOrDefault()?.Lun.Model}\n"
                + string.Concat(m.Paths.Select(p => $"  `- {p.Hctl} {p.DiskName} active ready running\n")))));
        }

        return ToolResult.Fail(1, "multipath: the simulated host emulates only -f <map> and -ll");
    }

    private ToolResult Multipathd(IReadOnlyList<string> args)
    {
        if (!state.MultipathdRunning)
        {
            return ToolResult.Fail(1, "error -111 receiving packet");
        }

        var command = string.Join(' ', args);
        if (command == "show status")
        {
            var paths = state.VisibleMaps.Sum(m => m.Paths.Count);
            return ToolResult.Ok($"path checker states:\nup                  {paths}\n\npaths: {paths}\nbusy: False\n");
        }

        if (args.Count == 3 && args[0] == "add" && args[1] == "path")
        {
            var name = args[2].StartsWith("/dev/", StringComparison.Ordinal) ? args[2][5..] : args[2];
            var device = state.VisibleDevices.FirstOrDefault(d => d.DiskName == name);
            return device is not null && Kernel.OnPathAdded(state, device, explicitAdd: true) ? ToolResult.Ok("ok\n") : new ToolResult(1, "fail\n");
        }

        if (args.Count == 3 && args[0] == "resize" && args[1] == "map")
        {
            var map = state.VisibleMaps.FirstOrDefault(m => m.Name == args[2] || m.DmName == args[2]);
            if (map is null || map.Paths.Count == 0)
            {
                return new ToolResult(1, "fail\n");
            }

            // multipathd reloads the table with the size the paths report (they need a rescan first).
            map.SizeBytes = map.Paths.Min(p => p.SizeBytes);
            return ToolResult.Ok("ok\n");
        }

        if (command is "show maps" or "list maps")
        {
            return ToolResult.Ok("name   sysfs uuid\n" + string.Concat(state.VisibleMaps.Select(m => $"{m.Name} {m.DmName}  {Kernel.ScsiId(m.Wwid)}\n")));
        }

        return ToolResult.Fail(1, $"multipathd: the simulated host does not emulate '{command}'");
    }
}
