using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Telemetry;

/// <summary>
/// Starts what one public operation (attach, detach, extend) carries from its first line to its last: its span and a
/// log scope naming the operation and the volume, so that every log line of the operation, in whichever part of the
/// connector it is written, can be told apart from a concurrent operation's.
/// </summary>
internal sealed class OperationTelemetry(ConnectorMetrics metrics, TimeProvider time, ILogger logger)
{
    // The scope's keys are PascalCase like the library's log placeholders; its text is what a console logger shows.
    private static readonly Func<ILogger, string, string, IDisposable?> Scope =
        LoggerMessage.DefineScope<string, string>("{Operation} of volume {VolumeId}");

    public ConnectorMetrics Metrics => metrics;

    /// <param name="span">One of the <see cref="ConnectorActivities"/> operation names.</param>
    /// <param name="operation">The operation as the log scope names it (<c>Attach</c>, <c>Detach</c>, <c>Extend</c>).</param>
    /// <param name="volume">The volume: its <c>volume_id</c>, or the target IQN when the connection info has none.</param>
    /// <param name="target">The primary target's IQN.</param>
    public Operation Begin(string span, string operation, string volume, string target)
    {
        var scope = Scope(logger, operation, volume);
        var activity = ConnectorActivities.Source.StartActivity(span, ActivityKind.Internal);
        activity?.SetTag(TelemetryTags.VolumeId, volume);
        activity?.SetTag(TelemetryTags.TargetIqn, target);
        return new Operation(activity, scope, time, time.GetTimestamp());
    }

    /// <summary>One running operation; dispose it when the operation ends, however it ends.</summary>
    internal sealed class Operation(Activity? activity, IDisposable? scope, TimeProvider time, long start) : IDisposable
    {
        public Activity? Activity => activity;

        /// <summary>Gets the time since the operation began, on the connector's clock (virtual on a simulated host).</summary>
        public TimeSpan Elapsed => time.GetElapsedTime(start);

        public void Failed(Exception error) => ConnectorActivities.Failed(activity, error);

        public void Dispose()
        {
            activity?.Dispose();
            scope?.Dispose();
        }
    }
}
