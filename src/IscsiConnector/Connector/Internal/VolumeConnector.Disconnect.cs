using IscsiConnector.Internal;

namespace IscsiConnector.Connector.Internal;

/// <summary>Disconnect: map flush, disk flush and removal, then logout only of sessions no other LUN uses.</summary>
internal sealed partial class VolumeConnector
{
    public async Task<DisconnectResult> DisconnectVolumeAsync(ConnectionInfo connectionInfo, VolumeAttachment? attachment = null, DisconnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ConnectionInfoGuard.Validate(connectionInfo);
        options ??= DisconnectOptions.Default;
        cancellationToken.ThrowIfCancellationRequested();
        var state = new DisconnectState(options);
        var found = await FindConnectedAsync(connectionInfo, attachment, cancellationToken).ConfigureAwait(false);
        var disks = found.Where(f => f.Disk is not null).Select(f => f.Disk!.Name).Distinct(StringComparer.Ordinal).ToList();

        var map = disks.Count > 0 ? _initiator.FindMultipath(disks) : null;
        string? unflushedMap = null;
        if (map is not null)
        {
            if (await TryFlushAsync(state, $"Flushing multipath map {map.Name}", t => _initiator.FlushMultipathAsync(map.Name, t), cancellationToken).ConfigureAwait(false))
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
            if (state.FlushedMap is not null && !_initiator.IsDiskRunning(disk))
            {
                Log.DeadPathFlushSkipped(_logger, disk, state.FlushedMap);
                continue;
            }

            if (!await TryFlushAsync(state, $"Flushing /dev/{disk}", t => _initiator.FlushDiskAsync(disk, t), cancellationToken).ConfigureAwait(false) && !options.Force)
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
                lease = await _locks.AcquireAsync(first.Path.Portal, first.Path.Iqn, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                state.Problem(_logger, e.Message, e);
                continue;
            }

            await using var held = lease.ConfigureAwait(false);
            await RemoveDisksAndMaybeLogoutAsync(state, first.Session, first.Path, group.Where(f => f.Disk is not null).Select(f => f.Disk!.Name).ToList(), cancellationToken).ConfigureAwait(false);
        }

        if (unflushedMap is not null && _initiator.DeviceExists(map!.Device))
        {
            // As os-brick: with force, flush the map once more now that its paths are gone.
            await TryFlushAsync(state, $"Flushing multipath map {unflushedMap} again", t => _initiator.FlushMultipathAsync(unflushedMap, t), cancellationToken).ConfigureAwait(false);
        }

        return state.Finish();
    }

    private async Task RemoveDisksAndMaybeLogoutAsync(DisconnectState state, InitiatorSession session, IscsiPath path, List<string> ours, CancellationToken cancellationToken)
    {
        foreach (var disk in ours)
        {
            try
            {
                _initiator.RemoveDisk(disk);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                state.Problem(_logger, $"Removing /dev/{disk} failed: {e.Message}");
            }
        }

        var remaining = await _pipelines.DevicePoll.UntilAsync<string[]>(
            (_, _, _) =>
            {
                var left = ours.Where(_initiator.DeviceExists).ToArray();
                return ValueTask.FromResult(left.Length == 0 ? left : null);
            },
            _options.DeviceRemovalTimeout,
            cancellationToken).ConfigureAwait(false);
        if (remaining is null)
        {
            state.Problem(_logger, $"Devices {string.Join(", ", ours.Where(_initiator.DeviceExists))} still exist {_options.DeviceRemovalTimeout.TotalSeconds:0.#} s after removal.");
        }

        foreach (var disk in ours.Where(d => !_initiator.DeviceExists(d)))
        {
            state.Removed.Add(disk);
            Log.DeviceRemoved(_logger, disk);
        }

        // Shared targets: another LUN's disk on this session means another volume still needs it.
        var others = _initiator.ListDisks(session).Where(d => !ours.Contains(d.Name, StringComparer.Ordinal)).ToList();
        if (others.Count > 0)
        {
            state.Kept.Add(path);
            Log.SessionKept(_logger, path.Portal.Address, path.Iqn);
            return;
        }

        try
        {
            // Through the iface the session really uses: after a transport fallback that is "default".
            await NodeCommandAsync(t => For(session.Iface).LogoutAsync(path, t), cancellationToken).ConfigureAwait(false);
            await NodeCommandAsync(t => For(session.Iface).DeleteNodeAsync(path, t), cancellationToken).ConfigureAwait(false);
            state.LoggedOut.Add(path);
            Log.SessionLoggedOut(_logger, path.Portal.Address, path.Iqn);
        }
        catch (IscsiCommandException e)
        {
            state.Problem(_logger, $"Logging out of {path.Portal.Address} {path.Iqn} failed: {e.Message}");
        }
    }

    private async Task<bool> TryFlushAsync(DisconnectState state, string what, Func<CancellationToken, Task> flush, CancellationToken cancellationToken)
    {
        try
        {
            await _pipelines.Flush.ExecuteAsync(async token => await flush(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (IscsiCommandException e)
        {
            state.Problem(_logger, $"{what} failed{(state.Options.Force ? " (continuing: force is set, unflushed data may be lost)" : string.Empty)}: {e.Message}", e);
            return false;
        }
    }

    /// <summary>
    /// The volume's sessions and disks as the host has them now: every path the connection info names, the
    /// attachment's paths, and (after a discovery-based multipath attach) the same target on other portals.
    /// </summary>
    private async Task<List<ConnectedPath>> FindConnectedAsync(ConnectionInfo info, VolumeAttachment? attachment, CancellationToken cancellationToken)
    {
        var paths = AllNamedPaths(info);
        foreach (var device in attachment?.Devices ?? [])
        {
            if (!paths.Exists(p => SamePath(p, device.Path)))
            {
                paths.Add(device.Path);
            }
        }

        var sessions = await _initiator.GetSessionsAsync(cancellationToken).ConfigureAwait(false);
        if (_options.UseMultipath && _options.DiscoverWhenSinglePortal && info.MultipathPaths.Count == 1)
        {
            var primary = info.MultipathPaths[0];
            foreach (var session in sessions.Where(s => string.Equals(s.Iqn, primary.Iqn, StringComparison.OrdinalIgnoreCase)))
            {
                var path = primary with { Portal = session.Portal };
                if (!paths.Exists(p => SamePath(p, path)))
                {
                    paths.Add(path);
                }
            }
        }

        var result = new List<ConnectedPath>();
        foreach (var path in paths)
        {
            var session = sessions.FirstOrDefault(s => IsOurSession(s, path));
            if (session is not null)
            {
                // The disk is looked up again rather than trusted from the attachment: a stale sdX name may
                // since belong to another LUN.
                result.Add(new ConnectedPath(path, session, _initiator.FindDisk(session, path.Lun)));
            }
        }

        return result;
    }

    private sealed record ConnectedPath(IscsiPath Path, InitiatorSession Session, HostDisk? Disk);
}
