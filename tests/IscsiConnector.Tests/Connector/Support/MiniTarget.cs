namespace IscsiConnector.Tests.Connector.Support;

/// <summary>A target on one portal of <see cref="MiniHost"/>: its LUNs (wwid, size) and CHAP account.</summary>
internal sealed class MiniTarget(string iqn)
{
    public string Iqn { get; } = iqn;

    /// <summary>LUN → (wwid as sysfs shows it, size in bytes). LUN 0 is a controller (no block device) like tgtd's.</summary>
    public Dictionary<int, MiniLun> Luns { get; } = [];

    public (string User, string Password)? Chap { get; set; }

    public MiniTarget AddLun(int lun, string wwid, long size = 1L << 30, int scansNeeded = 1)
    {
        Luns[lun] = new MiniLun(wwid, size) { ScansNeeded = scansNeeded };
        return this;
    }
}

internal sealed class MiniLun(string wwid, long size)
{
    public string Wwid { get; set; } = wwid;

    public long Size { get; set; } = size;

    /// <summary>How many scans of this LUN it takes before the device appears (int.MaxValue: never).</summary>
    public int ScansNeeded { get; set; } = 1;

    public int Scans { get; set; }
}

internal enum MiniPortalState
{
    Up,
    Refused,
    Blackholed,
}

internal sealed class MiniPortal(string host, int port)
{
    public string Host { get; } = host;

    public int Port { get; } = port;

    public MiniPortalState State { get; set; } = MiniPortalState.Up;

    public List<MiniTarget> Targets { get; } = [];

    /// <summary>Extra (host, port) pairs SendTargets reports besides this portal (arrays that list all their portals; tgtd lists none).</summary>
    public List<(string Host, int Port)> AlsoReports { get; } = [];

    public (string User, string Password)? DiscoveryChap { get; set; }
}

internal sealed class MiniSession
{
    public required int Id { get; init; }

    public required int ScsiHost { get; init; }

    public required MiniPortal Portal { get; init; }

    public required MiniTarget Target { get; init; }

    public Dictionary<int, string> Disks { get; } = [];
}

internal sealed class MiniDisk
{
    public required string Name { get; init; }

    public required MiniSession Session { get; init; }

    public required int Lun { get; init; }

    public long Size { get; set; }

    public required string Wwid { get; init; }
}

internal sealed class MiniMap
{
    public required string Device { get; init; }

    public required string Name { get; init; }

    public required string Wwid { get; init; }

    public List<string> Slaves { get; } = [];

    public long Size { get; set; }
}
