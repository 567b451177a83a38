using IscsiConnector.Initiator;
using IscsiConnector.Internal;
using IscsiConnector.PortalAttempts;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// Finds the multipath map over a volume's disks, hinting the daemon and waiting until the map holds every logged-in
/// path (multipathd adds them one uevent at a time; polled every 20–100 ms, so the attach returns soon after the last
/// path joins): a map returned with a path missing would run degraded although every login worked. Bounded by the multipath wait; then the map as it is, the missing paths named.
/// </summary>
internal static class MultipathMapWait
{
    /// <param name="services">The attach's services.</param>
    /// <param name="disks">The volume's disks, one per working path.</param>
    /// <param name="wwid">Their WWID (udev's form), to whitelist for find_multipaths; <see langword="null"/> when unknown.</param>
    /// <param name="timeout">The multipath wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The map, or <see langword="null"/> when none appeared in time (the attach then returns the first disk).</returns>
    public static async Task<MultipathMap?> FindAsync(PortalAttemptServices services, IReadOnlyList<string> disks, string? wwid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var initiator = services.Initiator;
        var map = initiator.FindMultipath(disks);
        if (map is null)
        {
            // As os-brick: whitelist the WWID (find_multipaths strict/yes/smart would not make a map of it otherwise,
            // or not before a timeout), hint multipathd about every new path, then wait for the map.
            if (wwid is not null)
            {
                await HintAsync(services, "multipath -a " + wwid, t => initiator.AddMultipathWwidAsync(wwid, t), cancellationToken).ConfigureAwait(false);
            }

            foreach (var disk in disks)
            {
                await HintAsync(services, "multipathd add path " + initiator.DevicePath(disk), t => initiator.HintMultipathAsync(disk, t), cancellationToken).ConfigureAwait(false);
            }
        }

        if (map is null || !HoldsAll(map, disks))
        {
            map = await services.Pipelines.SettlePoll.UntilAsync<MultipathMap>(
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

    // Only a hint: a busy multipathd that does not answer within the command's time limit (seen in the bed benchmark)
    // must not fail an attach whose logins all worked; the wait for the map decides.
    private static async Task HintAsync(PortalAttemptServices services, string what, Func<CancellationToken, Task> hint, CancellationToken cancellationToken)
    {
        try
        {
            await hint(cancellationToken).ConfigureAwait(false);
        }
        catch (IscsiCommandException e)
        {
            Log.MultipathHintFailed(services.Logger, what, e.Message);
        }
    }

    private static bool HoldsAll(MultipathMap map, IReadOnlyList<string> disks) => disks.All(d => map.Paths.Contains(d, StringComparer.Ordinal));
}
