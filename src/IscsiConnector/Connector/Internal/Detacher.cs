using IscsiConnector.Initiator;
using IscsiConnector.Internal;
using IscsiConnector.Locking.Internal;
using IscsiConnector.Resilience.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Connector.Internal;

/// <summary>Disconnect: map flush, disk flush and removal, then logout only of sessions no other LUN uses.</summary>
internal sealed class Detacher(
    IIscsiInitiator initiator,
    LeftoverRecords leftovers,
    VolumeSessions sessions,
    TargetLocks locks,
    ConnectorPipelines pipelines,
    TimeSpan deviceRemovalTimeout,
    ILogger logger)
{
    public async Task<DisconnectResult> DisconnectAsync(ConnectionInfo info, VolumeAttachment? attachment, DisconnectOptions options, CancellationToken cancellationToken)
    {
        var state = new DisconnectState(options);
        var found = await sessions.FindAsync(info, attachment, cancellationToken).ConfigureAwait(false);
        var disks = VolumeSessions.Disks(found);

        var map = disks.Count > 0 ? initiator.FindMultipath(disks) : null;
        VolumeIdentity.Verify(attachment, found, map, initiator.DevicePath, state, logger);
        string? unflushedMap = null;
        if (map is not null)
        {
            if (await TryFlushAsync(state, $"Flushing multipath map {map.Name}", t => initiator.FlushMultipathAsync(map.Name, t), cancellationToken).ConfigureAwait(false))
            {
                state.FlushedMap = map.Name;
            }
            else if (!options.Force)
            {
                return state.Finish();
            }
            else
            {
                unflushedMap = map.Name;
            }
        }

        foreach (var disk in disks)
        {
            // The map's flush already pushed the volume's buffered writes down its live paths; a dead path of the
            // map cannot be opened at all (ENXIO), so flushing it would only turn a clean detach into a failure.
            if (state.FlushedMap is not null && !initiator.IsDiskRunning(disk))
            {
                Log.DeadPathFlushSkipped(logger, disk, state.FlushedMap);
                continue;
            }

            if (!await TryFlushAsync(state, $"Flushing /dev/{disk}", t => initiator.FlushDiskAsync(disk, t), cancellationToken).ConfigureAwait(false) && !options.Force)
            {
                return state.Finish();
            }
        }

        // One (portal, target) at a time, under its lock: an attach of another LUN on the same target
        // either finished (its disk counts as "other") or has not started (it will log in again).
        foreach (var group in found.GroupBy(f => f.Session.Id))
        {
            var first = group.First();
            IAsyncDisposable lease;
            try
            {
                lease = await locks.AcquireAsync(first.Path.Portal, first.Path.Iqn, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                state.Problem(logger, e.Message, e);
                continue;
            }

            await using var held = lease.ConfigureAwait(false);
            await RemoveDisksAndMaybeLogoutAsync(state, first.Session, first.Path, group.Where(f => f.Disk is not null).Select(f => f.Disk!.Name).ToList(), cancellationToken).ConfigureAwait(false);
        }

        if (unflushedMap is not null && initiator.DeviceExists(map!.Device))
        {
            // As os-brick: with force, flush the map once more now that its paths are gone.
            await TryFlushAsync(state, $"Flushing multipath map {unflushedMap} again", t => initiator.FlushMultipathAsync(unflushedMap, t), cancellationToken).ConfigureAwait(false);
        }

        await leftovers.RemoveAsync(info, state, logger, cancellationToken).ConfigureAwait(false);

        return state.Finish();
    }

    private async Task RemoveDisksAndMaybeLogoutAsync(DisconnectState state, InitiatorSession session, IscsiPath path, List<string> ours, CancellationToken cancellationToken)
    {
        foreach (var disk in ours)
        {
            try
            {
                await initiator.RemoveDiskAsync(disk, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or IscsiCommandException)
            {
                state.Problem(logger, $"Removing /dev/{disk} failed: {e.Message}");
            }
        }

        var remaining = await pipelines.DevicePoll.UntilAsync<string[]>(
            (_, _, _) =>
            {
                var left = ours.Where(initiator.DeviceExists).ToArray();
                return ValueTask.FromResult(left.Length == 0 ? left : null);
            },
            deviceRemovalTimeout,
            cancellationToken).ConfigureAwait(false);
        if (remaining is null)
        {
            state.Problem(logger, $"Devices {string.Join(", ", ours.Where(initiator.DeviceExists))} still exist {deviceRemovalTimeout.TotalSeconds:0.#} s after removal.");
        }

        foreach (var disk in ours.Where(d => !initiator.DeviceExists(d)))
        {
            state.Removed.Add(disk);
            Log.DeviceRemoved(logger, disk);
        }

        // Shared targets: another LUN's disk on this session means another volume still needs it.
        if (initiator.ListDisks(session).Any(d => !ours.Contains(d.Name, StringComparer.Ordinal)))
        {
            state.Kept.Add(path);
            Log.SessionKept(logger, path.Portal.Address, path.Iqn);
            return;
        }

        try
        {
            // Through the iface the session really uses: after a transport fallback that is "default".
            var through = session.Iface is null ? initiator : initiator.WithIface(session.Iface);
            await pipelines.NodeDatabase.ExecuteAsync(async t => await through.LogoutAsync(path, t).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            await pipelines.NodeDatabase.ExecuteAsync(async t => await through.DeleteNodeAsync(path, t).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            state.LoggedOut.Add(path);
            Log.SessionLoggedOut(logger, path.Portal.Address, path.Iqn);
        }
        catch (IscsiCommandException e)
        {
            state.Problem(logger, $"Logging out of {path.Portal.Address} {path.Iqn} failed: {e.Message}");
        }
    }

    private async Task<bool> TryFlushAsync(DisconnectState state, string what, Func<CancellationToken, Task> flush, CancellationToken cancellationToken)
    {
        try
        {
            await pipelines.Flush.ExecuteAsync(async token => await flush(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (IscsiCommandException e)
        {
            state.Problem(logger, $"{what} failed{(state.Options.Force ? " (continuing: force is set, unflushed data may be lost)" : string.Empty)}: {e.Message}", e);
            return false;
        }
    }
}
