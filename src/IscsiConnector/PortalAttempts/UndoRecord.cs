using IscsiConnector.Initiator;
using IscsiConnector.Internal;

namespace IscsiConnector.PortalAttempts;

/// <summary>
/// What one portal attempt created through one iface, and the one place that undoes it: never anything that
/// existed before the attempt, and never a session another volume has started to use since. Each flag is set
/// <em>before</em> the command that creates the thing, because a command cancelled or timed out half way may still
/// have done its work (deleting a missing record or logging out of a missing session is harmless: those answers count
/// as success).
/// </summary>
/// <param name="initiator">The initiator bound to the attempt's iface.</param>
/// <param name="iface">That iface's name, to find the attempt's session among the host's.</param>
/// <param name="path">The portal, target and LUN.</param>
internal sealed class UndoRecord(IIscsiInitiator initiator, string iface, IscsiPath path)
{
    /// <summary>Whether the node record is this attempt's: it did not exist before (or before discovery created it).</summary>
    private bool _ownsNode;

    /// <summary>Whether this attempt ran "create record" (so it deletes it).</summary>
    private bool _nodeCreated;

    /// <summary>Whether this attempt ran the login (so it logs out, which also removes the session's disks).</summary>
    private bool _loggedIn;

    /// <summary>Whether the session existed already and was reused.</summary>
    private bool _reused;

    /// <summary>The disk this attempt found for its LUN and did not find already there, or <see langword="null"/>.</summary>
    private string? _scannedDisk;

    public void NodeWillBeCreated(bool ownsNode, bool creates)
    {
        _ownsNode = ownsNode;
        _nodeCreated = creates;
    }

    public void LoginWillRun() => _loggedIn = true;

    public void LoginFailed() => _loggedIn = false;

    public void SessionReused() => _reused = true;

    public void DiskScanned(string disk) => _scannedDisk = disk;

    /// <summary>
    /// With the (portal, target) lock held: log out a session this attempt opened — unless the lock was let go since the
    /// login (<paramref name="othersMayHaveJoined"/>) and a disk of another LUN is on it by now (another volume attached
    /// through it meanwhile): then only this attempt's disk goes, the session and its record stay — or remove a disk it
    /// scanned into a reused session; delete a node
    /// record it created (or that discovery created for it). Runs with <see cref="CancellationToken.None"/> so that a
    /// cancelled attach leaves nothing half-attached. Every step runs even when an earlier one failed; failures are
    /// logged, not thrown (the attach's own outcome matters more), and returned. Undoes once.
    /// </summary>
    /// <param name="services">The attempt's services.</param>
    /// <param name="othersMayHaveJoined">
    /// Whether the lock was released after the login. While it is held no other volume can attach through the session,
    /// and the check is skipped: it would be wrong where a login brings up every LUN of the target (Windows).
    /// </param>
    /// <returns>What could not be undone, as sentences; empty when everything was.</returns>
    public async Task<IReadOnlyList<string>> UndoAsync(PortalAttemptServices services, bool othersMayHaveJoined)
    {
        var problems = new List<string>();
        var keepNode = false;
        await StepAsync(services, problems, "log out", async () =>
        {
            if (_loggedIn)
            {
                if (othersMayHaveJoined && await SessionUsedByOthersAsync().ConfigureAwait(false) is not null)
                {
                    keepNode = true;
                    await RemoveScannedDiskAsync().ConfigureAwait(false);
                    Log.SessionKept(services.Logger, path.Portal.Address, path.Iqn);
                }
                else
                {
                    await services.NodeCommandAsync(t => initiator.LogoutAsync(path, t), CancellationToken.None).ConfigureAwait(false);
                }

                _loggedIn = false;
                _scannedDisk = null;
            }
            else
            {
                await RemoveScannedDiskAsync().ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        await StepAsync(services, problems, "delete the node record", async () =>
        {
            if (keepNode)
            {
                return;
            }

            if (_nodeCreated && _ownsNode)
            {
                await services.NodeCommandAsync(t => initiator.DeleteNodeAsync(path, t), CancellationToken.None).ConfigureAwait(false);
                _nodeCreated = false;
            }
            else if (_ownsNode && !_reused && await initiator.NodeExistsAsync(path, CancellationToken.None).ConfigureAwait(false))
            {
                // Discovery created this record for us (it did not exist before): remove it too.
                await services.NodeCommandAsync(t => initiator.DeleteNodeAsync(path, t), CancellationToken.None).ConfigureAwait(false);
                _ownsNode = false;
            }
        }).ConfigureAwait(false);

        return problems;
    }

    private async Task RemoveScannedDiskAsync()
    {
        if (_scannedDisk is { } disk)
        {
            await initiator.RemoveDiskAsync(disk, CancellationToken.None).ConfigureAwait(false);
            _scannedDisk = null;
        }
    }

    /// <summary>The attempt's session when a disk of another LUN is on it (the same rule as disconnect), else <see langword="null"/>.</summary>
    private async Task<InitiatorSession?> SessionUsedByOthersAsync()
    {
        var sessions = await initiator.GetSessionsAsync([path.Iqn], CancellationToken.None).ConfigureAwait(false);
        var session = sessions.FirstOrDefault(s => s.Matches(path.Portal, path.Iqn, iface));
        return session is not null && initiator.ListDisks(session).Any(d => d.Name != _scannedDisk && d.Address.Lun != initiator.HostLun(path)) ? session : null;
    }

    private async Task StepAsync(PortalAttemptServices services, List<string> problems, string what, Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Any failure: the remaining steps still run (a record left is better than a session left, and vice versa).
            var message = $"Could not {what} for {path.Portal.Address} {path.Iqn}: {e.Message}";
            problems.Add(message);
            Log.CleanupFailed(services.Logger, path.Portal.Address, path.Iqn, e.Message);
        }
    }
}
