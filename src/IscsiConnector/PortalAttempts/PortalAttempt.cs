using IscsiConnector.Initiator;
using IscsiConnector.Internal;
using IscsiConnector.Telemetry;
using IscsiConnector.Transports;

namespace IscsiConnector.PortalAttempts;

/// <summary>
/// One portal of one attach, end to end: under the (portal, target) lock, log in or reuse the session (falling
/// back to the default TCP iface if allowed), wait for the LUN's disk, and undo what it created when it fails,
/// is cancelled or is rejected later. Its state is private; the orchestrator reads the outcome.
/// </summary>
internal sealed partial class PortalAttempt
{
    private readonly PortalAttemptServices _services;
    private readonly NodeSettings _settings;
    private readonly Func<IscsiPath, bool>? _existedBefore;
    private UndoRecord _undo;
    private string _iface;
    private TransportFallbackInfo? _fallback;
    private InitiatorSession? _session;
    private LoginOutcome _outcome = LoginOutcome.Skipped;
    private PortalFailure? _failure;
    private string? _note;
    private TimeSpan _elapsed;

    // iface: the attach's iface and why it is not the configured one; existedBefore: the records before discovery (or null).
    public PortalAttempt(PortalAttemptServices services, IscsiPath path, (string Name, TransportFallbackInfo? Fallback) iface, NodeSettings settings, Func<IscsiPath, bool>? existedBefore)
    {
        _services = services;
        Path = path;
        _iface = iface.Name;
        _fallback = iface.Fallback;
        _settings = settings;
        _existedBefore = existedBefore;
        _undo = new UndoRecord(services.Initiator.WithIface(_iface), _iface, path);
    }

    public IscsiPath Path { get; }

    public bool Succeeded => _outcome is LoginOutcome.LoggedIn or LoginOutcome.AlreadyLoggedIn;

    public HostDisk? Disk { get; private set; }

    /// <summary>Tries the portal. A portal failure ends in <see cref="ToOutcome"/>; cancellation undoes, then throws.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var activity = PortalAttemptActivity.Start(Path, _iface);
        try
        {
            await RunUnderLockAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            PortalAttemptActivity.Finish(activity, ToOutcome());
        }
    }

    private async Task RunUnderLockAsync(CancellationToken cancellationToken)
    {
        var start = _services.Time.GetTimestamp();
        IAsyncDisposable lease;
        try
        {
            lease = await _services.Locks.AcquireAsync(Path.Portal, Path.Iqn, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            Fail(new PortalFailure(PortalFailureKind.LockTimeout, e.Message));
            _elapsed = _services.Time.GetElapsedTime(start);
            LogFailure();
            return;
        }

        await using var held = lease.ConfigureAwait(false);
        try
        {
            if (await LoginWithFallbackAsync(cancellationToken).ConfigureAwait(false))
            {
                await FindDiskAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!Succeeded)
            {
                await UndoLockedAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            Fail(new PortalFailure(PortalFailureKind.Cancelled, "The attach was cancelled."));
            await UndoLockedAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is IscsiCommandException or IOException or UnauthorizedAccessException)
        {
            // Unexpected (a program could not start, sysfs refused a read): still undo, then report.
            Fail(PortalFailure.From(PortalFailureKind.LoginFailed, e));
            await UndoLockedAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A failure of any other kind (a bug, a broken executor): undo all the same, then let it surface.
            Fail(new PortalFailure(PortalFailureKind.LoginFailed, $"{e.GetType().Name}: {e.Message}"));
            await UndoLockedAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _elapsed = _services.Time.GetElapsedTime(start);
            if (_failure?.Kind is not PortalFailureKind.Cancelled)
            {
                LogFailure();
            }
        }
    }

    public void NotTried(string why) => _note = why;

    /// <summary>Marks the portal failed without a login: its reachability probe found nothing listening.</summary>
    public void Unreachable(TimeSpan probeTime)
    {
        Fail(new PortalFailure(PortalFailureKind.LoginFailed, $"Unreachable: no TCP connection to {Path.Portal.Address} within the probe timeout; not logged in.", IscsiErrorKind.Unreachable));
        _elapsed = probeTime;
        LogFailure(IscsiErrorKind.Unreachable);
    }

    public PortalOutcome ToOutcome() => new(Path, _outcome, _elapsed)
    {
        Iface = _iface,
        TransportFallback = _fallback,
        Failure = _failure?.Kind,
        ErrorKind = _failure?.ErrorKind,
        NativeCode = _failure?.NativeCode,
        Message = _failure?.Message ?? _note,
        Device = Succeeded ? Disk?.Name : null,
    };

    /// <summary>Gets udev's stable link of the disk, waiting a little for udev to make it (see <see cref="StableLinkWait"/>).</summary>
    public Task<string?> FindStableLinkAsync(CancellationToken cancellationToken) => StableLinkWait.FindAsync(_services, Path, cancellationToken);

    public AttachedDevice ToDevice() => new(Disk!.Name, Path, Disk.Address, _session!.Id) { Wwn = Disk.Wwn };

    // When a login through a configured iface fails for a reason other than authentication (a CHAP rejection
    // would repeat over TCP) and the policy allows, undo it and try once more through the default TCP iface.
    private async Task<bool> LoginWithFallbackAsync(CancellationToken cancellationToken)
    {
        if (await LoginAsync(cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        if (_iface == IscsiTransports.DefaultIface
            || !_services.Settings.FallBackToTcp
            || _failure?.Kind is not (PortalFailureKind.LoginFailed or PortalFailureKind.NodeSetupFailed))
        {
            return false;
        }

        var why = new TransportFallbackInfo(_iface, IscsiTransportFailureReason.LoginFailed, _failure.Message);
        Log.PortalTransportFallback(_services.Logger, "Login", _iface, Path.Portal.Address, why.Message);
        await UndoLockedAsync().ConfigureAwait(false);
        _failure = null;
        _outcome = LoginOutcome.Skipped;
        _iface = IscsiTransports.DefaultIface;
        _fallback = why;
        _undo = new UndoRecord(_services.Initiator.WithIface(_iface), _iface, Path);
        return await LoginAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> LoginAsync(CancellationToken cancellationToken)
    {
        var initiator = _services.Initiator.WithIface(_iface);
        var result = await SessionLogin.LoginOrReuseAsync(_services, initiator, _iface, Path, _settings, _existedBefore, _undo, cancellationToken).ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            Fail(failure);
            return false;
        }

        _session = result.Session;
        _outcome = result.Outcome;
        return true;
    }

    private async Task FindDiskAsync(CancellationToken cancellationToken)
    {
        var (disk, preexisted, failure) = await DiskWait.FindAsync(_services, _session!, _services.Initiator.HostLun(Path), cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            Fail(failure);
            return;
        }

        if (!preexisted)
        {
            _undo.DiskScanned(disk!.Name);
        }

        Disk = disk;
        Log.DeviceFound(_services.Logger, disk!.Name, Path.Lun, Path.Portal.Address, disk.Address.ToString(), disk.Wwn);
    }

    private void Fail(PortalFailure failure)
    {
        _outcome = LoginOutcome.Failed;
        _failure = failure;
    }

    // probeKind: the kind of a failure no command reported (a probe that found nothing listening), for the metrics.
    private void LogFailure(IscsiErrorKind? probeKind = null)
    {
        if (_outcome == LoginOutcome.Failed && _failure is { } failure)
        {
            _services.Metrics.Logins.PortalFailed(failure.Kind, failure.ErrorKind ?? probeKind);
            Log.PortalFailed(_services.Logger, Path.Portal.Address, Path.Iqn, Path.Lun, failure.Kind, failure.Message);
        }
    }
}
