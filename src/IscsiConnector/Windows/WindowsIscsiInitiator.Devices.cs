using IscsiConnector.Initiator;
using IscsiConnector.Windows.Internal;

namespace IscsiConnector.Windows;

/// <content>Disks and MPIO: answered from the inventory; Windows has no separate flush, removal or map resize step.</content>
internal sealed partial class WindowsIscsiInitiator
{
    /// <summary>Re-reads the inventory: the <c>connect</c> script already ran <c>Update-HostStorageCache</c> and waited for the disk.</summary>
    public async Task ScanLunAsync(InitiatorSession session, int lun, CancellationToken cancellationToken) =>
        await _view.ReadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Windows reports the array's LUN (one byte; a larger one is refused before PowerShell starts).</summary>
    public int HostLun(IscsiPath path) => path.Lun;

    public HostDisk? FindDisk(InitiatorSession session, int lun) => Disks(session).FirstOrDefault(d => d.Address.Lun == lun);

    public IReadOnlyList<HostDisk> ListDisks(InitiatorSession session) => Disks(session);

    /// <summary>With MPIO claiming iSCSI disks, the one disk every path reports is the multipath device.</summary>
    public MultipathMap? FindMultipath(IEnumerable<string> disks)
    {
        var host = _view.Current;
        if (host.Mpio?.Usable != true)
        {
            return null;
        }

        foreach (var name in disks.Distinct(StringComparer.Ordinal))
        {
            var disk = host.Sessions.SelectMany(s => s.Disks).FirstOrDefault(d => WindowsDisks.Name(d.Number) == name);
            if (disk?.Path?.StartsWith(@"\\?\mpio#", StringComparison.OrdinalIgnoreCase) == true)
            {
                return new MultipathMap(name, name, WindowsDisks.Wwn(disk), [name]);
            }
        }

        return null;
    }

    /// <summary>Nothing to whitelist: MSDSM claims iSCSI disks by vendor and product (MPIO's supported hardware list).</summary>
    public Task AddMultipathWwidAsync(string wwid, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Nothing to hint: MSDSM claims the paths itself.</summary>
    public Task HintMultipathAsync(string disk, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether MPIO is installed and claims iSCSI disks (read with the inventory).</summary>
    public async Task<bool> IsMultipathRunningAsync(CancellationToken cancellationToken)
    {
        await _view.EnsureReadAsync(cancellationToken).ConfigureAwait(false);
        return _view.Current.Mpio?.Usable == true;
    }

    /// <summary>Nothing to flush separately: the MPIO disk goes away with its last session.</summary>
    public Task FlushMultipathAsync(string mapName, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>No cmdlet flushes a raw disk's buffers; the owner of the disk flushes its writes (docs/windows.md).</summary>
    public Task FlushDiskAsync(string disk, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Windows removes a disk when its session ends; until then the disk counts as let go.</summary>
    public Task RemoveDiskAsync(string disk, CancellationToken cancellationToken)
    {
        _view.MarkRemoved(disk);
        return Task.CompletedTask;
    }

    public bool DeviceExists(string device) =>
        !_view.IsRemoved(device) && _view.Current.Sessions.SelectMany(s => s.Disks).Any(d => WindowsDisks.Name(d.Number) == device);

    public bool IsDiskRunning(string disk) =>
        _view.Current.Sessions.SelectMany(s => s.Disks).FirstOrDefault(d => WindowsDisks.Name(d.Number) == disk) is { IsOffline: false };

    /// <summary>The next inventory reads the size again (the host script runs <c>Get-Disk</c>).</summary>
    public Task RescanDiskAsync(string disk, CancellationToken cancellationToken) => Task.CompletedTask;

    public long? GetSize(string device) =>
        _view.Current.Sessions.SelectMany(s => s.Disks).FirstOrDefault(d => WindowsDisks.Name(d.Number) == device)?.Size is { } size ? (long)size : null;

    public Task ResizeMultipathAsync(string mapName, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Windows has no by-path links.</summary>
    public string? FindStableLink(IscsiPath path) => null;

    public bool MakesStableLinks => false;

    public string DevicePath(string device) => WindowsDisks.DevicePath(device);

    private HostDisk[] Disks(InitiatorSession session)
    {
        var host = _view.Current.Sessions.FirstOrDefault(s => s.Session?.SessionIdentifier is { } id && _view.Number(id) == session.Id);
        if (host is null)
        {
            return [];
        }

        return [.. host.Devices
            .Select(device => (device, disk: host.Disks.FirstOrDefault(d => d.Number == device.DeviceNumber)))
            .Where(p => p.disk is not null && !_view.IsRemoved(WindowsDisks.Name(p.disk.Number)))
            .Select(p => WindowsDisks.ToHostDisk(p.device, p.disk!))];
    }
}
