using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace IscsiConnector.Connector.Internal;

/// <summary>The read-mostly operations: volume paths, extend, connector properties.</summary>
internal sealed partial class VolumeConnector
{
    public async Task<IReadOnlyList<string>> GetVolumePathsAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default)
    {
        ConnectionInfoGuard.Validate(connectionInfo);
        var found = await FindConnectedAsync(connectionInfo, null, cancellationToken).ConfigureAwait(false);
        var disks = found.Where(f => f.Disk is not null).Select(f => f.Disk!.Name).Distinct(StringComparer.Ordinal).ToList();
        var result = new List<string>();
        if (disks.Count > 0 && _initiator.FindMultipath(disks) is { } map)
        {
            result.Add(_initiator.DevicePath(map.Device));
        }

        result.AddRange(disks.Select(_initiator.DevicePath));
        return result;
    }

    public async Task<long> ExtendVolumeAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default)
    {
        ConnectionInfoGuard.Validate(connectionInfo);
        var found = await FindConnectedAsync(connectionInfo, null, cancellationToken).ConfigureAwait(false);
        var disks = found.Where(f => f.Disk is not null).Select(f => f.Disk!.Name).Distinct(StringComparer.Ordinal).ToList();
        if (disks.Count == 0)
        {
            throw new VolumeAttachException($"Cannot extend volume {VolumeName(connectionInfo)}: it is not attached on this host (no session carries its LUN).", []);
        }

        foreach (var disk in disks)
        {
            _initiator.RescanDisk(disk);
        }

        var map = _initiator.FindMultipath(disks);
        if (map is not null)
        {
            await _initiator.ResizeMultipathAsync(map.Name, cancellationToken).ConfigureAwait(false);
        }

        var device = map?.Device ?? disks[0];
        return _initiator.GetSize(device)
            ?? throw new VolumeAttachException($"Extended volume {VolumeName(connectionInfo)}, but the size of {_initiator.DevicePath(device)} could not be read.", []);
    }

    public async Task<ConnectorProperties> GetConnectorPropertiesAsync(CancellationToken cancellationToken = default)
    {
        var multipath = _options.UseMultipath && await _initiator.IsMultipathRunningAsync(cancellationToken).ConfigureAwait(false);
        return new ConnectorProperties
        {
            Initiator = _initiator.GetInitiatorName(),
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
            OsType = "linux2",
            Multipath = multipath,
            EnforceMultipath = _options.EnforceMultipath,
            Transports = _transports.ListLoadedTransports(),
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
