using IscsiConnector.Internal;
using IscsiConnector.Transports.Internal;

namespace IscsiConnector.Connector.Internal;

/// <summary>Multipath attach (spec 001): every portal in parallel, WWN check, then the dm map.</summary>
internal sealed partial class VolumeConnector
{
    private async Task<VolumeAttachment> ConnectMultipathAsync(ConnectionInfo info, long start, CancellationToken cancellationToken)
    {
        if (_options.EnforceMultipath && !await _initiator.IsMultipathRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new VolumeAttachException($"Attaching volume {VolumeName(info)} failed: multipath is enforced but multipathd is not running. Start multipathd or turn EnforceMultipath off.", []);
        }

        var transport = await _transports.SelectAsync(cancellationToken).ConfigureAwait(false);
        var (paths, existedBefore) = await PathsForMultipathAsync(info, transport, cancellationToken).ConfigureAwait(false);
        Log.AttachStarting(_logger, VolumeName(info), paths.Count, true);
        var settings = SettingsFor(info);
        var attempts = paths.Select(p => NewAttempt(p, transport)).ToList();
        using var gate = new SemaphoreSlim(_options.MaxParallelLogins, _options.MaxParallelLogins);
        var tasks = attempts.Select(a => RunGatedAsync(gate, a, settings, existedBefore, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
            return await FinishMultipathAsync(info, attempts, start, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IscsiCommandException or IOException)
        {
            // Attempts still running undo themselves; the finished ones are undone here, so that a cancelled
            // or broken multipath attach leaves nothing half-attached.
            await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default))).ConfigureAwait(false);
            foreach (var attempt in attempts.Where(a => a.Succeeded))
            {
                await UndoAsync(attempt).ConfigureAwait(false);
            }

            throw;
        }
    }

    private async Task RunGatedAsync(SemaphoreSlim gate, PathAttempt attempt, NodeSettings settings, Func<IscsiPath, bool>? existedBefore, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await TryPathAsync(attempt, settings, existedBefore, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<VolumeAttachment> FinishMultipathAsync(ConnectionInfo info, List<PathAttempt> attempts, long start, CancellationToken cancellationToken)
    {
        // The reference WWN is the first working path's in the backend's order (the primary when it works).
        var wwn = attempts.FirstOrDefault(a => a.Succeeded && a.Disk?.Wwn is not null)?.Disk!.Wwn;
        foreach (var odd in attempts.Where(a => a.Succeeded && wwn is not null && a.Disk!.Wwn is not null && a.Disk.Wwn != wwn).ToList())
        {
            odd.Fail(PortalFailureKind.WwnMismatch, $"Device {odd.Disk!.Name} has WWID {odd.Disk.Wwn}, but the volume's is {wwn}: a different volume is behind this path; not used.");
            Log.PortalFailed(_logger, odd.Path.Portal.Address, odd.Path.Iqn, odd.Path.Lun, PortalFailureKind.WwnMismatch, odd.Message!);
            await UndoAsync(odd).ConfigureAwait(false);
        }

        var working = attempts.Where(a => a.Succeeded).ToList();
        if (working.Count == 0)
        {
            throw AttachFailed(info, attempts, "no portal produced the volume's device");
        }

        if (_options.RequireAllPaths && working.Count < attempts.Count)
        {
            foreach (var attempt in working)
            {
                await UndoAsync(attempt).ConfigureAwait(false);
                attempt.Outcome = LoginOutcome.Skipped;
                attempt.Message = "Logged in, then undone: RequireAllPaths is set and another path failed.";
            }

            throw AttachFailed(info, attempts, $"RequireAllPaths is set and only {working.Count} of {attempts.Count} paths worked");
        }

        var disks = working.Select(a => a.Disk!.Name).Distinct(StringComparer.Ordinal).ToList();
        var map = _initiator.FindMultipath(disks);
        if (map is null)
        {
            // As os-brick: hint multipathd about every new path (it may have skipped the first one with
            // find_multipaths), then wait for the map with backoff.
            foreach (var disk in disks)
            {
                await _initiator.HintMultipathAsync(disk, cancellationToken).ConfigureAwait(false);
            }

            map = await _pipelines.DevicePoll.UntilAsync<MultipathMap>(
                (_, _, _) => ValueTask.FromResult(_initiator.FindMultipath(disks)),
                _options.MultipathWaitTimeout,
                cancellationToken).ConfigureAwait(false);
        }

        if (map is null)
        {
            Log.MultipathMissing(_logger, string.Join(", ", disks));
        }
        else
        {
            Log.MultipathFound(_logger, map.Name, map.Device, map.Paths.Count);
        }

        var attachment = new VolumeAttachment
        {
            Path = _initiator.DevicePath(map?.Device ?? working[0].Disk!.Name),
            ByPath = map is null ? _initiator.FindStableLink(working[0].Path) : null,
            ScsiWwn = wwn ?? map?.Wwid ?? string.Empty,
            MultipathId = map is null ? null : map.Wwid ?? wwn,
            MultipathName = map?.Name,
            Devices = working.Select(a => a.ToDevice()).ToList(),
            Portals = attempts.Select(a => a.ToOutcome()).ToList(),
            Elapsed = _time.GetElapsedTime(start),
        };
        Log.AttachSucceeded(_logger, VolumeName(info), attachment.Path, (long)attachment.Elapsed.TotalMilliseconds);
        return attachment;
    }
}
