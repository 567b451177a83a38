namespace IscsiConnector.Testing.Internal;

/// <summary>Everything the simulated host knows; guarded by <see cref="Gate"/>.</summary>
internal sealed class HostState
{
    public Lock Gate { get; } = new();

    public string InitiatorName { get; set; } = "iqn.1993-08.org.debian:01:simulated";

    public List<TargetDef> Targets { get; } = [];

    public Dictionary<PortalAddress, PortalDef> Portals { get; } = [];

    public List<string> Ifaces { get; } = ["default", "iser"];

    public Dictionary<string, string> IfaceTransports { get; } = new(StringComparer.Ordinal) { ["default"] = "tcp", ["iser"] = "iser" };

    /// <summary>Bound fields of each iface (iface.hwaddress, iface.ipaddress, iface.net_ifacename, iface.initiatorname), as last updated; offload ifaces (cxgb4i, bnx2i…) are bound to a NIC by the hardware address.</summary>
    public Dictionary<string, Dictionary<string, string>> IfaceFields { get; } = new(StringComparer.Ordinal);

    public List<NodeRecord> Nodes { get; } = [];

    public Dictionary<PortalAddress, Dictionary<string, string>> DiscoveryRecords { get; } = [];

    public SortedDictionary<int, SessionState> Sessions { get; } = [];

    public List<ScsiDevice> Devices { get; } = [];

    public List<MultipathMap> Maps { get; } = [];

    /// <summary>multipath's bindings file: a WWID keeps its friendly name across map removal.</summary>
    public Dictionary<string, string> Bindings { get; } = new(StringComparer.Ordinal);

    /// <summary>multipath's wwids file: WWIDs that have been multipathed before.</summary>
    public HashSet<string> KnownWwids { get; } = new(StringComparer.Ordinal);

    public HashSet<string> PendingLogins { get; } = new(StringComparer.Ordinal);

    public List<InjectedFailure> Failures { get; } = [];

    /// <summary>Scans still to ignore per (target, LUN): the LUN is mapped to this initiator late.</summary>
    public Dictionary<(string Iqn, int Lun), int> IgnoredScans { get; } = [];

    /// <summary>Whether sysfs attributes may be written (false: as for a process without root, EACCES).</summary>
    public bool SysfsWritable { get; set; } = true;

    /// <summary>Loaded iSCSI transport modules (<c>/sys/class/iscsi_transport/*</c>); iscsi_tcp and ib_iser by default.</summary>
    public SortedSet<string> Transports { get; } = new(StringComparer.Ordinal) { "iser", "tcp" };

    /// <summary>Network interfaces: name → (MAC address, PCI driver or null for a virtual NIC).</summary>
    public SortedDictionary<string, (string Mac, string? Driver)> Nics { get; } = new(StringComparer.Ordinal);

    /// <summary>Offload iSCSI hosts (cxgb4i, bnx2i, qla4xxx…): SCSI host number → (MAC address, driver).</summary>
    public SortedDictionary<int, (string Mac, string Driver)> OffloadHosts { get; } = [];

    public int NextSessionId { get; set; } = 1;

    public int NextHostNumber { get; set; }

    public bool Udev { get; set; } = true;

    public bool MultipathdRunning { get; set; } = true;

    public HostReadiness Readiness { get; } = new();

    public Simulation.FindMultipathsMode FindMultipaths { get; set; } = Simulation.FindMultipathsMode.Yes;

    public bool UserFriendlyNames { get; set; } = true;

    public TimeSpan DefaultLatency { get; set; }

    public Dictionary<string, TimeSpan> Latencies { get; } = new(StringComparer.Ordinal);

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>How long after a scan a SCSI device shows up (the kernel scans asynchronously).</summary>
    public TimeSpan ScanDelay { get; set; }

    /// <summary>How long after the device udev makes its by-path/by-id links.</summary>
    public TimeSpan UdevDelay { get; set; }

    /// <summary>How long after the path's udev event multipathd makes the map.</summary>
    public TimeSpan MapDelay { get; set; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public IEnumerable<ScsiDevice> VisibleDevices => Devices.Where(d => d.VisibleAt <= Now);

    public IEnumerable<MultipathMap> VisibleMaps => Maps.Where(m => m.VisibleAt <= Now);

    public TargetDef? FindTarget(string iqn) => Targets.Find(t => string.Equals(t.Iqn, iqn, StringComparison.Ordinal));
}

internal sealed class PortalDef(PortalAddress address)
{
    public PortalAddress Address { get; } = address;

    public Simulation.PortalState State { get; set; }

    /// <summary>The targets this portal exposes; <see langword="null"/> means all.</summary>
    public List<string>? TargetIqns { get; set; }

    public ChapAccount? DiscoveryChap { get; set; }

    /// <summary>Other portals SendTargets through this one also lists (an array advertising its whole portal group).</summary>
    public List<PortalAddress> AlsoReports { get; } = [];

    public bool Exposes(string iqn) => TargetIqns is null || TargetIqns.Contains(iqn, StringComparer.Ordinal);
}

internal sealed class NodeRecord(string iqn, PortalAddress portal, string iface, int tpgt)
{
    public string Iqn { get; } = iqn;

    public PortalAddress Portal { get; } = portal;

    public string Iface { get; } = iface;

    public int Tpgt { get; set; } = tpgt;

    /// <summary>The SendTargets portal that found this record; deleting that discovery record deletes it (idbm_delete_discovery).</summary>
    public PortalAddress? DiscoveredVia { get; set; }

    public Dictionary<string, string> Settings { get; } = NodeSettings.Defaults(iqn, portal, iface, tpgt);

    public string Key => string.Join('|', Iqn, Portal.Bracketed, Iface);

    public string Get(string key) => Settings.TryGetValue(key, out var value) ? value : string.Empty;
}

internal sealed class SessionState(int id, int hostNumber, NodeRecord node)
{
    public int Id { get; } = id;

    public int HostNumber { get; } = hostNumber;

    public string Iqn { get; } = node.Iqn;

    public PortalAddress Portal { get; } = node.Portal;

    public string Iface { get; } = node.Iface;

    public int Tpgt { get; } = node.Tpgt < 0 ? 1 : node.Tpgt;

    public string? Username { get; } = IsChap(node) ? node.Get("node.session.auth.username") : null;

    public string? Password { get; } = IsChap(node) ? node.Get("node.session.auth.password") : null;

    public string State { get; set; } = "LOGGED_IN";

    public bool ManualScan { get; set; }

    public string RecoveryTimeout { get; } = node.Get("node.session.timeo.replacement_timeout");

    private static bool IsChap(NodeRecord node) => string.Equals(node.Get("node.session.auth.authmethod"), "CHAP", StringComparison.OrdinalIgnoreCase);
}

internal sealed class ScsiDevice(SessionState session, LunDef lun, int hostLun)
{
    public SessionState Session { get; } = session;

    public LunDef Lun { get; } = lun;

    /// <summary>The number the host gave the LUN when it scanned it (flat space addressing above 255: 16384 + LUN).</summary>
    public int HostLun { get; } = hostLun;

    public string? DiskName { get; set; }

    public long SizeBytes { get; set; } = lun.SizeBytes;

    public string State { get; set; } = "running";

    public DateTimeOffset VisibleAt { get; init; }

    public DateTimeOffset LinksVisibleAt { get; init; }

    public string Hctl => string.Join(':', Session.HostNumber, 0, 0, HostLun);

    /// <summary>The LUN as udev's path_id writes it in a by-path name (<c>format_lun_number</c>).</summary>
    public string ByPathLun => HostLun < 256
        ? HostLun.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"0x{HostLun & 0xffff:x4}{(HostLun >> 16) & 0xffff:x4}00000000");
}

internal sealed class MultipathMap(string name, int dmIndex, string wwid)
{
    public string Name { get; } = name;

    public int DmIndex { get; } = dmIndex;

    public string DmName => "dm-" + DmIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Wwid { get; } = wwid;

    public List<ScsiDevice> Paths { get; } = [];

    public long SizeBytes { get; set; }

    public DateTimeOffset VisibleAt { get; init; }
}

internal sealed class InjectedFailure(string program, string[] argumentPrefix, int times, int exitCode, string standardOutput, string standardError)
{
    public string Program { get; } = program;

    public string[] ArgumentPrefix { get; } = argumentPrefix;

    public int Remaining { get; set; } = times;

    public int ExitCode { get; } = exitCode;

    public string StandardOutput { get; } = standardOutput;

    public string StandardError { get; } = standardError;
}
