using IscsiConnector.Initiator;
using IscsiConnector.Internal;

namespace IscsiConnector.PortalAttempts;

/// <summary>
/// What one portal attempt created through one iface, and the one place that undoes it: never anything that
/// existed before the attempt. Each flag is set <em>before</em> the command that creates the thing, because a
/// command cancelled half way may still have done its work (deleting a missing record or logging out of a missing
/// session is harmless: those answers count as success).
/// </summary>
/// <param name="initiator">The initiator bound to the attempt's iface.</param>
/// <param name="path">The portal, target and LUN.</param>
internal sealed class UndoRecord(IIscsiInitiator initiator, IscsiPath path)
{
    /// <summary>Whether the node record is this attempt's: it did not exist before (or before discovery created it).</summary>
    private bool _ownsNode;

    /// <summary>Whether this attempt ran "create record" (so it deletes it).</summary>
    private bool _nodeCreated;

    /// <summary>Whether this attempt ran the login (so it logs out, which also removes the session's disks).</summary>
    private bool _loggedIn;

    /// <summary>Whether the session existed already and was reused.</summary>
    private bool _reused;

    /// <summary>A disk this attempt scanned into a reused session (so it removes it), or <see langword="null"/>.</summary>
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
    /// With the (portal, target) lock held: log out a session this attempt opened, or remove a disk it scanned into
    /// a reused session; delete a node record it created (or that discovery created for it). Runs with
    /// <see cref="CancellationToken.None"/> so that a cancelled attach leaves nothing half-attached. A failing step is
    /// logged, not thrown: the attach's own outcome matters more. Undoes once.
    /// </summary>
    public async Task UndoAsync(PortalAttemptServices services)
    {
        try
        {
            if (_loggedIn)
            {
                await services.NodeCommandAsync(t => initiator.LogoutAsync(path, t), CancellationToken.None).ConfigureAwait(false);
                _loggedIn = false;
            }
            else if (_scannedDisk is { } disk)
            {
                await initiator.RemoveDiskAsync(disk, CancellationToken.None).ConfigureAwait(false);
                _scannedDisk = null;
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
        }
        catch (Exception e) when (e is IscsiCommandException or IOException or UnauthorizedAccessException)
        {
            Log.CleanupFailed(services.Logger, path.Portal.Address, path.Iqn, e.Message);
        }
    }
}
