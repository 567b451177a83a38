using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using IscsiConnector.Initiator;
using IscsiConnector.Locking.Internal;
using IscsiConnector.Transports.Internal;

namespace IscsiConnector.Connector.Internal;

/// <summary>The read-mostly operations: volume paths, extend, connector properties.</summary>
/// <param name="initiator">The host's initiator.</param>
/// <param name="sessions">Finds the volume's sessions and disks.</param>
/// <param name="locks">The per-target locks extend holds.</param>
/// <param name="transports">Reports the loaded transports.</param>
/// <param name="useMultipath">Whether the connector attaches with multipath.</param>
/// <param name="enforceMultipath">Whether it refuses to attach without a running multipath daemon.</param>
internal sealed class VolumeQueries(IIscsiInitiator initiator, VolumeSessions sessions, TargetLocks locks, ITransportSelector transports, bool useMultipath, bool enforceMultipath)
{
    public async Task<IReadOnlyList<string>> GetVolumePathsAsync(ConnectionInfo info, CancellationToken cancellationToken)
    {
        var disks = VolumeSessions.Disks(await sessions.FindAsync(info, null, cancellationToken).ConfigureAwait(false));
        var result = new List<string>();
        if (disks.Count > 0 && initiator.FindMultipath(disks) is { } map)
        {
            result.Add(initiator.DevicePath(map.Device));
        }

        result.AddRange(disks.Select(initiator.DevicePath));
        return result;
    }

    /// <summary>
    /// Rescans the volume's disks and resizes its map under the locks of all its (portal, target)s, taken in one order
    /// (attach and disconnect hold one at a time, so none waits for another in a cycle): a disconnect or an attach's undo
    /// cannot remove a disk between its rescan and the map's resize.
    /// </summary>
    public async Task<long> ExtendVolumeAsync(ConnectionInfo info, CancellationToken cancellationToken)
    {
        var targets = (await sessions.FindAsync(info, null, cancellationToken).ConfigureAwait(false))
            .Select(p => p.Path).DistinctBy(p => (p.Portal.Host.ToUpperInvariant(), p.Portal.Port, p.Iqn.ToUpperInvariant()))
            .OrderBy(p => p.Portal.Host, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Portal.Port).ThenBy(p => p.Iqn, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var leases = new List<IAsyncDisposable>();
        try
        {
            foreach (var target in targets)
            {
                leases.Add(await locks.AcquireAsync(target.Portal, target.Iqn, cancellationToken).ConfigureAwait(false));
            }

            return await ExtendLockedAsync(info, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            for (var i = leases.Count - 1; i >= 0; i--)
            {
                await leases[i].DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<long> ExtendLockedAsync(ConnectionInfo info, CancellationToken cancellationToken)
    {
        // Read again under the locks, not reused from the read that chose them: a disconnect may have removed a disk between.
        var disks = VolumeSessions.Disks(await sessions.FindAsync(info, null, cancellationToken).ConfigureAwait(false));
        if (disks.Count == 0)
        {
            throw new VolumeAttachException($"Cannot extend volume {VolumeSessions.VolumeName(info)}: it is not attached on this host (no session carries its LUN).", []);
        }

        foreach (var disk in disks)
        {
            await initiator.RescanDiskAsync(disk, cancellationToken).ConfigureAwait(false);
        }

        var map = initiator.FindMultipath(disks);
        if (map is not null)
        {
            await initiator.ResizeMultipathAsync(map.Name, cancellationToken).ConfigureAwait(false);
        }

        var device = map?.Device ?? disks[0];
        return initiator.GetSize(device)
            ?? throw new VolumeAttachException($"Extended volume {VolumeSessions.VolumeName(info)}, but the size of {initiator.DevicePath(device)} could not be read.", []);
    }

    public async Task<ConnectorProperties> GetConnectorPropertiesAsync(CancellationToken cancellationToken)
    {
        var multipath = useMultipath && await initiator.IsMultipathRunningAsync(cancellationToken).ConfigureAwait(false);
        return new ConnectorProperties
        {
            Initiator = await initiator.GetInitiatorNameAsync(cancellationToken).ConfigureAwait(false),
            Host = Dns.GetHostName(),
            Ip = FirstAddress(),
            Platform = RuntimeInformation.OSArchitecture switch
            {
                Architecture.X64 => "x86_64",
                Architecture.Arm64 => "aarch64",
                Architecture.X86 => "i686",
                Architecture.Arm => "armv7l",
                var other => other.ToString().ToLowerInvariant(),
            },
            OsType = "linux", // os-brick: sys.platform, "linux" since Python 3.3
            Multipath = multipath,
            EnforceMultipath = enforceMultipath,
            Transports = transports.ListLoadedTransports(),
        };
    }

    // Read from the local interface table: no packet leaves the host (os-brick opens a UDP socket instead).
    private static string? FirstAddress()
    {
        var addresses = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(u => u.Address))
            .Where(a => !IPAddress.IsLoopback(a) && !(a.AddressFamily == AddressFamily.InterNetworkV6 && a.IsIPv6LinkLocal))
            .ToList();
        return (addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault())?.ToString();
    }
}
