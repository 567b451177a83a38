using System.Globalization;
using IscsiConnector.Initiator;

namespace IscsiConnector.Linux;

/// <summary>LUN scans, disks, multipath maps and sizes, through sysfs (no process).</summary>
internal sealed partial class OpenIscsiInitiator
{
    public Task ScanLunAsync(InitiatorSession session, int lun, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var host = HostNumber(session) ?? throw new IOException($"Session {session.Id} has no SCSI host in sysfs; it is probably being torn down.");

        // "channel target lun": scan exactly our LUN, never the whole target (other LUNs may belong to other hosts' volumes).
        var (channel, target) = ChannelAndTarget(session);
        return _files.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"/sys/class/scsi_host/host{host}/scan"), string.Create(CultureInfo.InvariantCulture, $"{channel} {target} {lun}"), cancellationToken);
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

    public Task RemoveDiskAsync(string disk, CancellationToken cancellationToken) => _files.WriteAsync($"/sys/block/{disk}/device/delete", "1", cancellationToken);

    public bool DeviceExists(string device) => _fs.Exists($"/sys/block/{device}");

    // A path whose session failed is "blocked" (then "transport-offline" after replacement_timeout); opening
    // it for a flush fails with ENXIO, as seen on the test bed. A state we cannot read counts as running.
    public bool IsDiskRunning(string disk) => Read($"/sys/block/{disk}/device/state") is not { } state || state == "running";

    public Task RescanDiskAsync(string disk, CancellationToken cancellationToken) => _files.WriteAsync($"/sys/block/{disk}/device/rescan", "1", cancellationToken);

    public long? GetSize(string device) =>
        long.TryParse(Read($"/sys/block/{device}/size"), NumberStyles.None, CultureInfo.InvariantCulture, out var sectors) ? sectors * 512 : null;

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
}
