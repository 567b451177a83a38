using System.Globalization;

namespace IscsiConnector.Testing.Internal;

/// <summary>
/// Lays the simulated state out as Linux 6.1 with iscsi_tcp does (captured in the QEMU test bed):
/// <c>/sys/devices/platform/hostH/sessionS/…</c> with class links, block devices under their SCSI device,
/// dm maps under <c>/sys/devices/virtual/block</c>, and udev's <c>/dev/disk/by-path</c> links when udev runs.
/// </summary>
internal static class SysfsProjection
{
    public static VirtualTree Build(HostState state)
    {
        var tree = new VirtualTree();
        foreach (var dir in new[] { "/sys/class/iscsi_session", "/sys/class/iscsi_connection", "/sys/class/scsi_host", "/sys/class/scsi_device", "/sys/class/block", "/sys/block", "/sys/devices/platform", "/sys/devices/virtual/block", "/dev/mapper" })
        {
            tree.Directory(dir);
        }

        if (state.Readiness.HasInitiatorNameFile)
        {
            tree.File("/etc/iscsi/initiatorname.iscsi", $"InitiatorName={state.InitiatorName}\n");
        }

        HostReadinessProjection.Add(tree, state);
        NodeDatabaseProjection.Add(tree, state);
        HardwareProjection.Add(tree, state);
        tree.File("/dev/mapper/control", string.Empty);
        if (state.Udev)
        {
            tree.Directory("/dev/disk/by-path");
            tree.Directory("/dev/disk/by-id");
            tree.File("/run/udev/control", string.Empty);
        }

        foreach (var session in state.Sessions.Values)
        {
            AddSession(tree, state, session);
        }

        foreach (var map in state.VisibleMaps)
        {
            AddMap(tree, state, map);
        }

        return tree;
    }

    public static string BlockDirectory(ScsiDevice device) => DeviceDirectory(device) + "/block/" + device.DiskName;

    private static string SessionDirectory(SessionState s) => Invariant($"/sys/devices/platform/host{s.HostNumber}/session{s.Id}");

    private static string DeviceDirectory(ScsiDevice d) => Invariant($"{SessionDirectory(d.Session)}/target{d.Session.HostNumber}:0:0/{d.Hctl}");

    private static void AddSession(VirtualTree tree, HostState state, SessionState s)
    {
        var host = Invariant($"/sys/devices/platform/host{s.HostNumber}");
        var sessionDir = SessionDirectory(s);
        var attributes = Invariant($"{sessionDir}/iscsi_session/session{s.Id}");
        tree.File(attributes + "/targetname", s.Iqn + "\n");
        tree.File(attributes + "/tpgt", Invariant($"{s.Tpgt}\n"));
        tree.File(attributes + "/state", s.State + "\n");
        tree.File(attributes + "/ifacename", s.Iface + "\n");
        tree.File(attributes + "/initiatorname", state.InitiatorName + "\n");
        tree.File(attributes + "/recovery_tmo", s.RecoveryTimeout + "\n");
        tree.File(attributes + "/username", (s.Username ?? "(null)") + "\n");
        tree.File(attributes + "/password", (s.Password ?? "(null)") + "\n");
        tree.File(attributes + "/username_in", "(null)\n");
        tree.File(attributes + "/password_in", "(null)\n");
        tree.Link(attributes + "/device", sessionDir);
        tree.Link(Invariant($"/sys/class/iscsi_session/session{s.Id}"), attributes);

        var connection = Invariant($"{sessionDir}/connection{s.Id}:0/iscsi_connection/connection{s.Id}:0");
        tree.File(connection + "/persistent_address", s.Portal.Host + "\n");
        tree.File(connection + "/persistent_port", Invariant($"{s.Portal.Port}\n"));
        tree.File(connection + "/address", s.Portal.Host + "\n");
        tree.File(connection + "/port", Invariant($"{s.Portal.Port}\n"));
        tree.File(connection + "/state", (s.State == "LOGGED_IN" ? "up" : "failed") + "\n");
        tree.Link(Invariant($"/sys/class/iscsi_connection/connection{s.Id}:0"), connection);

        var scsiHost = Invariant($"{host}/scsi_host/host{s.HostNumber}");
        tree.File(scsiHost + "/proc_name", (s.Iface == "iser" ? "ib_iser" : "iscsi_tcp") + "\n");
        tree.File(scsiHost + "/scan", string.Empty, text => WriteScan(state, s, text));
        tree.Link(Invariant($"/sys/class/scsi_host/host{s.HostNumber}"), scsiHost);

        foreach (var device in state.VisibleDevices.Where(d => d.Session == s))
        {
            AddDevice(tree, state, device);
        }
    }

    private static void AddDevice(VirtualTree tree, HostState state, ScsiDevice d)
    {
        var dir = DeviceDirectory(d);
        tree.File(dir + "/state", d.State + "\n");
        tree.File(dir + "/wwid", d.Lun.Wwid + "\n");
        tree.File(dir + "/vendor", d.Lun.Vendor.PadRight(8) + "\n");
        tree.File(dir + "/model", d.Lun.Model.PadRight(16) + "\n");
        tree.File(dir + "/rev", "0001\n");
        tree.File(dir + "/type", d.Lun.IsController ? "12\n" : "0\n");
        tree.File(dir + "/queue_depth", "32\n");
        tree.File(dir + "/rescan", string.Empty, _ => Kernel.Rescan(d));
        tree.File(dir + "/delete", string.Empty, _ => Kernel.RemoveDevice(state, d));
        tree.Link("/sys/class/scsi_device/" + d.Hctl, dir);
        if (d.DiskName is not { } disk)
        {
            return;
        }

        var block = BlockDirectory(d);
        tree.File(block + "/size", Invariant($"{d.SizeBytes / 512}\n"));
        tree.File(block + "/ro", "0\n");
        tree.File(block + "/removable", "0\n");
        tree.Link(block + "/device", dir);
        tree.Directory(block + "/holders");
        tree.Directory(block + "/slaves");
        tree.Link("/sys/block/" + disk, block);
        tree.Link("/sys/class/block/" + disk, block);
        tree.File("/dev/" + disk, string.Empty);
        if (state.Udev && d.LinksVisibleAt <= state.Now)
        {
            tree.Link(Invariant($"/dev/disk/by-path/ip-{d.Session.Portal.Plain}-iscsi-{d.Session.Iqn}-lun-{d.ByPathLun}"), "/dev/" + disk);
            if (!state.VisibleMaps.Any(m => m.Paths.Contains(d)))
            {
                // by-id links follow the map once one exists (captured: scsi-3… -> ../../dm-0).
                tree.Link("/dev/disk/by-id/scsi-" + Kernel.ScsiId(d.Lun.Wwid), "/dev/" + disk);
            }
        }
    }

    private static void AddMap(VirtualTree tree, HostState state, MultipathMap map)
    {
        var dir = "/sys/devices/virtual/block/" + map.DmName;
        tree.File(dir + "/size", Invariant($"{map.SizeBytes / 512}\n"));
        tree.File(dir + "/dm/name", map.Name + "\n");
        tree.File(dir + "/dm/uuid", "mpath-" + Kernel.ScsiId(map.Wwid) + "\n");
        tree.File(dir + "/dm/suspended", "0\n");
        tree.Directory(dir + "/holders");
        tree.Directory(dir + "/slaves");
        foreach (var path in map.Paths.Where(p => p.DiskName is not null && p.VisibleAt <= state.Now))
        {
            tree.Link(dir + "/slaves/" + path.DiskName, BlockDirectory(path));
            tree.Link(BlockDirectory(path) + "/holders/" + map.DmName, dir);
        }

        tree.Link("/sys/block/" + map.DmName, dir);
        tree.Link("/sys/class/block/" + map.DmName, dir);
        tree.File("/dev/" + map.DmName, string.Empty);
        tree.Link("/dev/mapper/" + map.Name, "/dev/" + map.DmName);
        if (state.Udev)
        {
            tree.Link("/dev/disk/by-id/dm-name-" + map.Name, "/dev/" + map.DmName);
            tree.Link("/dev/disk/by-id/dm-uuid-mpath-" + Kernel.ScsiId(map.Wwid), "/dev/" + map.DmName);
            tree.Link("/dev/disk/by-id/scsi-" + Kernel.ScsiId(map.Wwid), "/dev/" + map.DmName);
        }
    }

    /// <summary>The kernel's scan attribute: <c>"channel target lun"</c>, each a number or <c>-</c> for all.</summary>
    private static void WriteScan(HostState state, SessionState session, string text)
    {
        var parts = text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !parts.All(p => p == "-" || uint.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new IOException($"write '{text.Trim()}' to scsi_host/host{session.HostNumber}/scan: Invalid argument");
        }

        // iSCSI exposes a single channel 0 and target id 0; anything else finds nothing, like the kernel.
        if ((parts[0] != "-" && parts[0] != "0") || (parts[1] != "-" && parts[1] != "0"))
        {
            return;
        }

        Kernel.Scan(state, session, parts[2] == "-" ? null : int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
