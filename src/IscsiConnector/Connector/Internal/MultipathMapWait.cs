using IscsiConnector.Initiator;
using IscsiConnector.Internal;
using IscsiConnector.PortalAttempts;

namespace IscsiConnector.Connector.Internal;

/// <summary>Finds the multipath map over a volume's disks, hinting the daemon and waiting with backoff when it is not there yet.</summary>
internal static class MultipathMapWait
{
    /// <returns>The map, or <see langword="null"/> when none appeared in time (the attach then returns the first disk).</returns>
    public static async Task<MultipathMap?> FindAsync(PortalAttemptServices services, IReadOnlyList<string> disks, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var initiator = services.Initiator;
        var map = initiator.FindMultipath(disks);
        if (map is null)
        {
            // As os-brick: hint multipathd about every new path (it may have skipped the first one with
            // find_multipaths), then wait for the map with backoff.
            foreach (var disk in disks)
            {
                await initiator.HintMultipathAsync(disk, cancellationToken).ConfigureAwait(false);
            }

            map = await services.Pipelines.DevicePoll.UntilAsync<MultipathMap>(
                (_, _, _) => ValueTask.FromResult(initiator.FindMultipath(disks)),
                timeout,
                cancellationToken).ConfigureAwait(false);
        }

        if (map is null)
        {
            Log.MultipathMissing(services.Logger, string.Join(", ", disks));
        }
        else
        {
            Log.MultipathFound(services.Logger, map.Name, map.Device, map.Paths.Count);
        }

        return map;
    }
}
