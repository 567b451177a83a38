using IscsiConnector.Initiator;
using IscsiConnector.Internal;
using IscsiConnector.PortalAttempts;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// Finds the multipath map over a volume's disks, hinting the daemon and waiting with backoff until the map holds
/// every logged-in path (multipathd adds them one uevent at a time): a map returned with a path missing would run
/// degraded although every login worked. Bounded by the multipath wait; then the map as it is, the missing paths named.
/// </summary>
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
                try
                {
                    await initiator.HintMultipathAsync(disk, cancellationToken).ConfigureAwait(false);
                }
                catch (IscsiCommandException e)
                {
                    // Only a hint: a busy multipathd that does not answer within the command's time limit (seen
                    // in the bed benchmark) must not fail an attach whose logins all worked; the wait below decides.
                    Log.MultipathHintFailed(services.Logger, disk, e.Message);
                }
            }
        }

        if (map is null || !HoldsAll(map, disks))
        {
            map = await services.Pipelines.DevicePoll.UntilAsync<MultipathMap>(
                (_, _, _) => ValueTask.FromResult(initiator.FindMultipath(disks) is { } found && HoldsAll(found, disks) ? found : null),
                timeout,
                cancellationToken).ConfigureAwait(false) ?? initiator.FindMultipath(disks);
        }

        if (map is null)
        {
            Log.MultipathMissing(services.Logger, string.Join(", ", disks));
        }
        else
        {
            Log.MultipathFound(services.Logger, map.Name, map.Device, map.Paths.Count);
            var missing = disks.Where(d => !map.Paths.Contains(d, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                Log.MultipathIncomplete(services.Logger, map.Name, string.Join(", ", missing), (long)timeout.TotalMilliseconds);
            }
        }

        return map;
    }

    private static bool HoldsAll(MultipathMap map, IReadOnlyList<string> disks) => disks.All(d => map.Paths.Contains(d, StringComparer.Ordinal));
}
