using IscsiConnector.Internal;
using IscsiConnector.PortalAttempts;
using IscsiConnector.Telemetry;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// The single-path attach's loop (the Cinder spec "Failover to alternative iSCSI portals on login failure"): one
/// <see cref="PortalAttempt"/> after another until one produces the volume's disk, each move to the next portal
/// logged, traced and counted. Which portals, in which order, and what the winner becomes stay with
/// <see cref="AttachOrchestrator"/>.
/// </summary>
internal sealed class PortalFailover(PortalAttemptServices portals)
{
    /// <summary>
    /// Runs the attempts in order and returns the first that succeeded, the others after it reported as not tried;
    /// null when every attempt failed (each has its outcome). Cancellation propagates after the running attempt undid itself.
    /// </summary>
    public async Task<PortalAttempt?> FirstWorkingAsync(ProbedOrder probed, IReadOnlyList<PortalAttempt> attempts, CancellationToken cancellationToken)
    {
        // The probe put each dead portal behind the first one that answered: a failover decided before any login.
        foreach (var dead in probed.Unreachable.Keys)
        {
            FailingOver(dead.Portal.Address, probed.Paths[0].Portal.Address);
        }

        for (var i = 0; i < attempts.Count; i++)
        {
            await attempts[i].RunAsync(cancellationToken).ConfigureAwait(false);
            if (attempts[i].Succeeded)
            {
                probed.ReportNotTried(attempts.Skip(i + 1), attempts[i]);
                return attempts[i];
            }

            if (i + 1 < attempts.Count)
            {
                FailingOver(attempts[i].Path.Portal.Address, attempts[i + 1].Path.Portal.Address);
            }
        }

        return null;
    }

    private void FailingOver(string from, string to)
    {
        Log.FailingOver(portals.Logger, from, to);
        ConnectorActivities.FailingOver(from, to);
        portals.Metrics.Attach.FailedOver();
    }
}
