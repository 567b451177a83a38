using IscsiConnector.Internal;

namespace IscsiConnector.Connector.Internal;

/// <summary>Undoing what one attempt created: never anything that existed before it.</summary>
internal sealed partial class VolumeConnector
{
    /// <summary>Takes the (portal, target) lock and undoes <paramref name="attempt"/>.</summary>
    private async Task UndoAsync(PathAttempt attempt)
    {
        await using var held = (await _locks.AcquireAsync(attempt.Path.Portal, attempt.Path.Iqn, CancellationToken.None).ConfigureAwait(false)).ConfigureAwait(false);
        await UndoLockedAsync(attempt).ConfigureAwait(false);
    }

    /// <summary>
    /// With the lock held: log out a session this attempt opened (which removes its disks), or remove a disk
    /// it scanned into a reused session; delete a node record it created. Runs with
    /// <see cref="CancellationToken.None"/> so that a cancelled attach leaves nothing half-attached.
    /// </summary>
    private async Task UndoLockedAsync(PathAttempt attempt)
    {
        var path = attempt.Path;
        try
        {
            if (attempt.LoggedInByUs)
            {
                await NodeCommandAsync(t => For(attempt.Iface).LogoutAsync(path, t), CancellationToken.None).ConfigureAwait(false);
                attempt.LoggedInByUs = false;
            }
            else if (attempt.Disk is { } disk && !attempt.DiskPreexisted)
            {
                _initiator.RemoveDisk(disk.Name);
            }

            if (attempt.NodeCreated && attempt.OwnsNode)
            {
                await NodeCommandAsync(t => For(attempt.Iface).DeleteNodeAsync(path, t), CancellationToken.None).ConfigureAwait(false);
                attempt.NodeCreated = false;
            }
            else if (attempt.OwnsNode && attempt.Outcome != LoginOutcome.AlreadyLoggedIn && For(attempt.Iface).NodeExists(path))
            {
                // Discovery created this record for us (it did not exist before): remove it too.
                await NodeCommandAsync(t => For(attempt.Iface).DeleteNodeAsync(path, t), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IscsiCommandException or IOException or UnauthorizedAccessException)
        {
            Log.CleanupFailed(_logger, path.Portal.Address, path.Iqn, e.Message);
        }
    }

    /// <summary>Runs a node record command (create/update, logout, delete) under the node database retry.</summary>
    private async Task NodeCommandAsync(Func<CancellationToken, Task> command, CancellationToken cancellationToken) =>
        await _pipelines.NodeDatabase.ExecuteAsync(async token => await command(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
}
