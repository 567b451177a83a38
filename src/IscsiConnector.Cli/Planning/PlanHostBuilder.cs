using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Cli.Planning;

/// <summary>
/// Builds the host <c>plan</c> assumes when no scenario is given: a fresh host (no sessions, no node records) where
/// every portal named in the connection_info answers, exposes the targets and LUNs named for it, and accepts the
/// given CHAP credentials. Every (target, LUN) carries the same WWID because they are paths to one volume.
/// </summary>
internal static class PlanHostBuilder
{
    /// <summary>The WWID the planned volume gets (tgtd's form); only shows up in sysfs reads, never in a step.</summary>
    private const string VolumeWwid = "naa.60000000000000000e00000000010001";

    public static SimulatedIscsiHost FromConnectionInfo(ConnectionInfo info)
    {
        var host = new SimulatedIscsiHost(new SimulatedTimeProvider());
        var paths = info.FailoverOrder.Concat(info.MultipathPaths).ToList();
        foreach (var target in paths.GroupBy(p => p.Iqn, IscsiPath.TargetNameComparer))
        {
            var luns = target.Select(p => p.Lun).Distinct().Select(lun => new SimulatedLun(lun, SimulatedIscsiHost.DefaultLunSizeBytes, VolumeWwid)).ToArray();
            host.AddTarget(target.Key, luns);
            if (info.Chap is { } chap)
            {
                host.WithTargetChap(target.Key, chap.Username, chap.Password, chap.UsernameIn, chap.PasswordIn);
            }
        }

        foreach (var portal in paths.GroupBy(p => p.Portal.Address, StringComparer.OrdinalIgnoreCase))
        {
            var iqns = portal.Select(p => p.Iqn).Distinct(IscsiPath.TargetNameComparer).ToArray();
            host.AddPortal(portal.Key, PortalState.Up, iqns);
            if (info.DiscoveryChap is { } discovery)
            {
                host.WithDiscoveryChap(portal.Key, discovery.Username, discovery.Password);
            }
        }

        return host;
    }
}
