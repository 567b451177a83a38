using IscsiConnector.Internal;

namespace IscsiConnector.Connector.Internal;

/// <summary>The work on one portal, shared by failover and multipath: login or reuse, LUN scan, disk wait.</summary>
internal sealed partial class VolumeConnector
{
    /// <summary>
    /// One portal under its (portal, target) lock: reuse or create the node record, log in, scan exactly the
    /// LUN and wait for its disk. On failure or cancellation, undo what this attempt created.
    /// </summary>
    private async Task TryPathAsync(PathAttempt attempt, NodeSettings settings, Func<IscsiPath, bool>? existedBefore, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        var path = attempt.Path;
        IAsyncDisposable lease;
        try
        {
            lease = await _locks.AcquireAsync(path.Portal, path.Iqn, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            attempt.Fail(PortalFailureKind.LockTimeout, e.Message);
            attempt.Elapsed = _time.GetElapsedTime(start);
            Log.PortalFailed(_logger, path.Portal.Address, path.Iqn, path.Lun, PortalFailureKind.LockTimeout, e.Message);
            return;
        }

        await using var held = lease.ConfigureAwait(false);
        try
        {
            if (!await LoginWithFallbackAsync(attempt, settings, existedBefore, cancellationToken).ConfigureAwait(false))
            {
                await UndoLockedAsync(attempt).ConfigureAwait(false);
                return;
            }

            await FindDiskAsync(attempt, cancellationToken).ConfigureAwait(false);
            if (!attempt.Succeeded)
            {
                await UndoLockedAsync(attempt).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            attempt.Fail(PortalFailureKind.Cancelled, "The attach was cancelled.");
            await UndoLockedAsync(attempt).ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is IscsiCommandException or IOException or UnauthorizedAccessException)
        {
            // Unexpected here (the executor could not start iscsiadm, sysfs refused a read): still undo, then report.
            attempt.Fail(PortalFailureKind.LoginFailed, e.Message, (e as IscsiCommandException)?.IscsiAdmError);
            await UndoLockedAsync(attempt).ConfigureAwait(false);
        }
        finally
        {
            attempt.Elapsed = _time.GetElapsedTime(start);
            if (attempt.Outcome == LoginOutcome.Failed && attempt.Failure != PortalFailureKind.Cancelled)
            {
                Log.PortalFailed(_logger, path.Portal.Address, path.Iqn, path.Lun, attempt.Failure!.Value, attempt.Message ?? string.Empty);
            }
        }
    }

    private async Task<bool> LoginOrReuseAsync(PathAttempt attempt, NodeSettings settings, Func<IscsiPath, bool>? existedBefore, CancellationToken cancellationToken)
    {
        var path = attempt.Path;

        // An existing session (another volume on the same target, or a repeated attach) is reused untouched:
        // no node update, no login. Sessions are read from sysfs, not from "iscsiadm -m session".
        var sessions = await _initiator.GetSessionsAsync(cancellationToken).ConfigureAwait(false);
        var session = sessions.FirstOrDefault(s => s.Matches(path.Portal, path.Iqn, attempt.Iface));
        if (session is not null)
        {
            attempt.Session = session;
            attempt.Outcome = LoginOutcome.AlreadyLoggedIn;
            Log.SessionReused(_logger, path.Portal.Address, path.Iqn, session.Id);
            return true;
        }

        var existsNow = For(attempt.Iface).NodeExists(path);
        attempt.OwnsNode = !(existedBefore?.Invoke(path) ?? existsNow);

        // Marked before the command: if it is cancelled half way the record may exist, and deleting a missing
        // record is harmless (exit 21 is accepted).
        attempt.NodeCreated = !existsNow;
        try
        {
            await NodeCommandAsync(t => For(attempt.Iface).PrepareNodeAsync(path, existsNow, settings, t), cancellationToken).ConfigureAwait(false);
        }
        catch (IscsiCommandException e)
        {
            attempt.Fail(PortalFailureKind.NodeSetupFailed, e.Message, e.IscsiAdmError);
            return false;
        }

        // Same reasoning: a login cancelled half way may still complete in iscsid, so undo logs out.
        attempt.LoggedInByUs = true;
        try
        {
            await _pipelines.Login.ExecuteAsync(async token => await For(attempt.Iface).LoginAsync(path, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (IscsiCommandException e)
        {
            attempt.LoggedInByUs = false;
            attempt.Fail(e.IsAuthenticationFailure ? PortalFailureKind.AuthenticationFailed : PortalFailureKind.LoginFailed, e.Message, e.IscsiAdmError);
            return false;
        }

        sessions = await _initiator.GetSessionsAsync(cancellationToken).ConfigureAwait(false);
        attempt.Session = sessions.FirstOrDefault(s => s.Matches(path.Portal, path.Iqn, attempt.Iface));
        if (attempt.Session is null)
        {
            attempt.Fail(PortalFailureKind.LoginFailed, "iscsiadm reported a successful login but no session appeared in sysfs.");
            return false;
        }

        attempt.Outcome = LoginOutcome.LoggedIn;
        Log.SessionLoggedIn(_logger, path.Portal.Address, path.Iqn, attempt.Session.Id);
        return true;
    }

    private async Task FindDiskAsync(PathAttempt attempt, CancellationToken cancellationToken)
    {
        var session = attempt.Session!;
        var lun = attempt.Path.Lun;
        var disk = _initiator.FindDisk(session, lun);
        attempt.DiskPreexisted = disk is not null;
        if (disk is null)
        {
            try
            {
                disk = await WaitForDiskAsync(session, lun, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                attempt.Fail(PortalFailureKind.DeviceNotFound, $"Scanning LUN {lun} failed: {e.Message}");
                return;
            }
        }

        if (disk is null)
        {
            attempt.Fail(PortalFailureKind.DeviceNotFound, $"LUN {lun} did not appear within {_options.DeviceWaitTimeout.TotalSeconds:0.#} s after login (is it mapped to this initiator?).");
            return;
        }

        attempt.Disk = disk;
        Log.DeviceFound(_logger, disk.Name, lun, attempt.Path.Portal.Address, disk.Address.ToString(), disk.Wwn);
    }

    /// <summary>Scans exactly the LUN, then polls sysfs with backoff and rescans (1 s, 2 s, 4 s… after the first scan).</summary>
    private Task<HostDisk?> WaitForDiskAsync(InitiatorSession session, int lun, CancellationToken cancellationToken)
    {
        var rescans = 0;
        var nextRescan = TimeSpan.FromSeconds(1);
        return _pipelines.DevicePoll.UntilAsync<HostDisk>(
            async (attempt, elapsed, token) =>
            {
                var due = attempt == 0 || (rescans < _options.RescanAttempts && elapsed >= nextRescan);
                if (due)
                {
                    if (attempt > 0)
                    {
                        rescans++;
                        nextRescan += nextRescan;
                    }

                    await _initiator.ScanLunAsync(session, lun, token).ConfigureAwait(false);
                }

                return _initiator.FindDisk(session, lun);
            },
            _options.DeviceWaitTimeout,
            cancellationToken);
    }
}
