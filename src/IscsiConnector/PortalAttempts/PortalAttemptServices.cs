using IscsiConnector.Initiator;
using IscsiConnector.Locking.Internal;
using IscsiConnector.Resilience.Internal;
using IscsiConnector.Telemetry;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.PortalAttempts;

/// <summary>What every <see cref="PortalAttempt"/> of one connector shares: the initiator, the locks, the retry pipelines, the clock, the metrics and the settings.</summary>
internal sealed record PortalAttemptServices(
    IIscsiInitiator Initiator,
    TargetLocks Locks,
    ConnectorPipelines Pipelines,
    TimeProvider Time,
    ILogger Logger,
    ConnectorMetrics Metrics,
    PortalAttemptSettings Settings)
{
    /// <summary>Runs a node record command (create/update, logout, delete) under the node database retry.</summary>
    public async Task NodeCommandAsync(Func<CancellationToken, Task> command, CancellationToken cancellationToken) =>
        await Pipelines.NodeDatabase.ExecuteAsync(async token => await command(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
}
