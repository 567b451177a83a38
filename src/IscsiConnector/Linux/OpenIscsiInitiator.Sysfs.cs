using System.Globalization;
using IscsiConnector.Connector.Internal;

namespace IscsiConnector.Linux;

/// <summary>Everything found through sysfs, <c>/dev</c> and <c>/etc/iscsi</c>, without starting a process.</summary>
internal sealed partial class OpenIscsiInitiator
{
    private const string SessionClass = "/sys/class/iscsi_session";
    private const string ConnectionClass = "/sys/class/iscsi_connection";

    // Debian keeps the node database in /etc/iscsi, Red Hat and SUSE in /var/lib/iscsi.
    private static readonly string[] NodeDatabases = ["/etc/iscsi/nodes", "/var/lib/iscsi/nodes"];

    public Task<IReadOnlyList<InitiatorSession>> GetSessionsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sessions = new List<InitiatorSession>();
        foreach (var name in _fs.ListDirectory(SessionClass))
        {
            if (!name.StartsWith("session", StringComparison.Ordinal)
                || !int.TryParse(name.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            var target = Read($"{SessionClass}/{name}/targetname");
            var connection = $"{ConnectionClass}/connection{id}:0";
            var address = Read(connection + "/persistent_address") ?? Read(connection + "/address");
            var portText = Read(connection + "/persistent_port") ?? Read(connection + "/port");
            if (target is null || address is null || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                continue; // a session being torn down loses its attributes first
            }

            sessions.Add(new InitiatorSession(id, new IscsiPortal(address, port), target, Read($"{SessionClass}/{name}/ifacename"), Read($"{SessionClass}/{name}/state")));
        }

        return Task.FromResult<IReadOnlyList<InitiatorSession>>(sessions);
    }

    public bool NodeExists(IscsiPath path) => NodeExistsForIface(path);

    public IReadOnlyList<IscsiPortal> ListNodePortals(string iqn)
    {
        // Records live in <db>/<iqn>/<address>,<port>,<tpgt>/<iface>; the tpgt varies (-1 or 4294967295 for "-o new").
        var portals = new List<IscsiPortal>();
        foreach (var database in NodeDatabases)
        {
            foreach (var entry in _fs.ListDirectory($"{database}/{iqn}"))
            {
                var parts = entry.Split(',');
                if (parts.Length == 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                {
                    portals.Add(new IscsiPortal(parts[0], port));
                }
            }
        }

        return portals;
    }

    public Task ScanLunAsync(InitiatorSession session, int lun, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var host = HostNumber(session) ?? throw new IOException($"Session {session.Id} has no SCSI host in sysfs; it is probably being torn down.");

        // "channel target lun": scan exactly our LUN, never the whole target (other LUNs may belong to other hosts' volumes).
        var (channel, target) = ChannelAndTarget(session);
        _fs.WriteAllText(string.Create(CultureInfo.InvariantCulture, $"/sys/class/scsi_host/host{host}/scan"), string.Create(CultureInfo.InvariantCulture, $"{channel} {target} {lun}"));
        return Task.CompletedTask;
    }

    public HostDisk? FindDisk(InitiatorSession session, int lun) => ListDisks(session).FirstOrDefault(d => d.Address.Lun == lun);

    public IReadOnlyList<HostDisk> ListDisks(InitiatorSession session)
    {
        var disks = new List<HostDisk>();
        var device = $"{SessionClass}/session{session.Id}/device";
        foreach (var targetDir in _fs.ListDirectory(device).Where(n => n.StartsWith("target", StringComparison.Ordinal)))
        {
            foreach (var unit in _fs.ListDirectory($"{device}/{targetDir}"))
            {
                if (!ScsiAddress.TryParse(unit, out var address))
                {
                    continue;
                }

                // LUN 0 of many targets is a controller without a block device: it is not a disk.
                var name = _fs.ListDirectory($"{device}/{targetDir}/{unit}/block").Order(StringComparer.Ordinal).FirstOrDefault();
                if (name is not null)
                {
                    disks.Add(new HostDisk(name, address!, ReadWwn(name)));
                }
            }
        }

        return disks;
    }

    public MultipathMap? FindMultipath(IEnumerable<string> disks)
    {
        foreach (var disk in disks)
        {
            var dm = _fs.ListDirectory($"/sys/block/{disk}/holders").FirstOrDefault(h => h.StartsWith("dm-", StringComparison.Ordinal));
            if (dm is null)
            {
                continue;
            }

            var name = Read($"/sys/block/{dm}/dm/name") ?? dm;
            var uuid = Read($"/sys/block/{dm}/dm/uuid");
            var wwid = uuid is not null && uuid.StartsWith("mpath-", StringComparison.Ordinal) ? uuid[6..] : null;
            return new MultipathMap(dm, name, wwid, _fs.ListDirectory($"/sys/block/{dm}/slaves"));
        }

        return null;
    }

    public void RemoveDisk(string disk) => _fs.WriteAllText($"/sys/block/{disk}/device/delete", "1");

    public bool DeviceExists(string device) => _fs.Exists($"/sys/block/{device}");

    public void RescanDisk(string disk) => _fs.WriteAllText($"/sys/block/{disk}/device/rescan", "1");

    public long? GetSize(string device) =>
        long.TryParse(Read($"/sys/block/{device}/size"), NumberStyles.None, CultureInfo.InvariantCulture, out var sectors) ? sectors * 512 : null;

    public string? FindStableLink(IscsiPath path)
    {
        // udev copies persistent_address verbatim: IPv6 is not bracketed in by-path names.
        var link = string.Create(CultureInfo.InvariantCulture, $"/dev/disk/by-path/ip-{path.Portal.ByPathAddress}-iscsi-{path.Iqn}-lun-{path.Lun}");
        return _fs.Exists(link) ? link : null;
    }

    public string? GetInitiatorName()
    {
        foreach (var line in (Read("/etc/iscsi/initiatorname.iscsi", trim: false) ?? string.Empty).Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("InitiatorName=", StringComparison.Ordinal))
            {
                return trimmed["InitiatorName=".Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>sysfs <c>naa.600…</c> to udev's <c>3600…</c>: the designator type as scsi_id's digit (as os-brick does).</summary>
    internal static string? ToUdevWwn(string? sysfsWwid)
    {
        if (string.IsNullOrEmpty(sysfsWwid) || sysfsWwid.Length <= 4)
        {
            return null;
        }

        var digit = sysfsWwid[..4] switch { "t10." => '1', "eui." => '2', "naa." => '3', _ => '8' };
        return digit + sysfsWwid[4..];
    }

    private string? ReadWwn(string disk) => ToUdevWwn(Read($"/sys/block/{disk}/device/wwid"));

    private int? HostNumber(InitiatorSession session)
    {
        // sessionN/device resolves to /sys/devices/platform/hostH/sessionN.
        var resolved = _fs.ResolvePath($"{SessionClass}/session{session.Id}/device");
        var host = resolved?.Split('/').LastOrDefault(p => p.StartsWith("host", StringComparison.Ordinal));
        return host is not null && int.TryParse(host.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private (string Channel, string Target) ChannelAndTarget(InitiatorSession session)
    {
        var targetDir = _fs.ListDirectory($"{SessionClass}/session{session.Id}/device").FirstOrDefault(n => n.StartsWith("target", StringComparison.Ordinal));
        var parts = targetDir?["target".Length..].Split(':');
        return parts is { Length: 3 } ? (parts[1], parts[2]) : ("0", "0");
    }

    private string? Read(string path, bool trim = true)
    {
        var text = _fs.ReadAllText(path);
        if (text is null)
        {
            return null;
        }

        text = trim ? text.Trim() : text;
        return text.Length == 0 || text == "(null)" ? null : text;
    }
}
