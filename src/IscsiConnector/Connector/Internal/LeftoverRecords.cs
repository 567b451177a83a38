using IscsiConnector.Initiator;
using IscsiConnector.Locking.Internal;
using IscsiConnector.Resilience.Internal;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// The last step of a disconnect: a node record of the volume's own (portal, target) with no session on that pair is
/// what an attach killed between creating the record and logging in leaves behind (issue 12, item 4). Nothing uses it,
/// and at worst iscsid would log in to it at the next boot, so the disconnect deletes it and says so.
/// </summary>
internal sealed class LeftoverRecords(IIscsiInitiator initiator, TargetLocks locks, ConnectorPipelines pipelines)
{
    public async Task RemoveAsync(ConnectionInfo info, DisconnectState state, Microsoft.Extensions.Logging.ILogger logger, CancellationToken cancellationToken)
    {
        var paths = new List<IscsiPath>();
        foreach (var path in info.FailoverOrder.Concat(info.MultipathPaths))
        {
            if (!paths.Exists(p => VolumeSessions.SameTarget(p, path)) && await initiator.NodeExistsAsync(path, cancellationToken).ConfigureAwait(false))
            {
                paths.Add(path);
            }
        }

        foreach (var path in paths)
        {
            try
            {
                await using var held = (await locks.AcquireAsync(path.Portal, path.Iqn, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                var sessions = await initiator.GetSessionsAsync([path.Iqn], cancellationToken).ConfigureAwait(false);
                if (sessions.Any(s => s.Portal.SameAddressAs(path.Portal) && string.Equals(s.Iqn, path.Iqn, StringComparison.OrdinalIgnoreCase)) || !await initiator.NodeExistsAsync(path, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                await pipelines.NodeDatabase.ExecuteAsync(async t => await initiator.DeleteNodeAsync(path, t).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                state.Warnings.Add($"Deleted the node record of {path.Portal.Address} {path.Iqn}: no session used it (an interrupted attach had left it).");
            }
            catch (Exception e) when (e is IscsiCommandException or TimeoutException)
            {
                state.Problem(logger, $"Could not delete the left-over node record of {path.Portal.Address} {path.Iqn}: {e.Message}");
            }
        }
    }
}
