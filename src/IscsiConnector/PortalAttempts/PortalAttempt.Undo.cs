using IscsiConnector.Internal;

namespace IscsiConnector.PortalAttempts;

/// <content>Undoing the attempt: within it (its lock held since before the login) or later, when the orchestrator rejects, withdraws or cancels a working path.</content>
internal sealed partial class PortalAttempt
{
    private readonly List<string> _undoProblems = [];

    /// <summary>Gets what could not be undone (a lock that timed out, a logout that failed), as sentences; empty normally.</summary>
    public IReadOnlyList<string> UndoProblems => _undoProblems;

    /// <summary>
    /// Takes the lock and undoes what this attempt created (the orchestrator rejected or cancelled a working path).
    /// Never throws: a lock that cannot be had in time leaves this path as it is (undoing it without the lock could
    /// log out a session another volume is attaching through) and is reported in <see cref="UndoProblems"/>, so the
    /// orchestrator goes on undoing the other paths.
    /// </summary>
    public async Task UndoAsync()
    {
        IAsyncDisposable lease;
        try
        {
            lease = await _services.Locks.AcquireAsync(Path.Portal, Path.Iqn, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var message = $"Could not undo {Path.Portal.Address} {Path.Iqn}: {e.Message} Its session and record are left as they are; disconnect the volume to remove them.";
            _undoProblems.Add(message);
            Log.CleanupFailed(_services.Logger, Path.Portal.Address, Path.Iqn, e.Message);
            return;
        }

        await using var held = lease.ConfigureAwait(false);
        _undoProblems.AddRange(await _undo.UndoAsync(_services, othersMayHaveJoined: true).ConfigureAwait(false));
    }

    // Within the attempt: its lock has been held since before the login.
    private async Task UndoLockedAsync() => _undoProblems.AddRange(await _undo.UndoAsync(_services, othersMayHaveJoined: false).ConfigureAwait(false));

    /// <summary>Marks a working path as unusable (e.g. another volume's WWN behind it) and undoes it.</summary>
    public async Task RejectAsync(PortalFailureKind kind, string message)
    {
        Fail(new PortalFailure(kind, message));
        LogFailure();
        await UndoAsync().ConfigureAwait(false);
    }

    /// <summary>Undoes a working path that the attach as a whole does not use, and says why.</summary>
    public async Task WithdrawAsync(string why)
    {
        await UndoAsync().ConfigureAwait(false);
        _outcome = LoginOutcome.Skipped;
        _note = why;
    }
}
