using System.Diagnostics.Metrics;

namespace IscsiConnector.Telemetry;

/// <summary>Instruments of an attach as a whole: how long it took, how often it failed over, how many paths came up.</summary>
internal sealed class AttachMetrics(Meter meter)
{
    private readonly Histogram<double> _duration = meter.CreateHistogram(
        "iscsi.attach.duration", "s", "Duration of ConnectVolumeAsync, successful or not.", advice: ConnectorMetrics.OperationBuckets);

    private readonly Counter<long> _failovers = meter.CreateCounter<long>(
        "iscsi.attach.failovers", "{failover}", "Moves from a failed portal to the next one during failover attaches.");

    private readonly Histogram<int> _paths = meter.CreateHistogram<int>(
        "iscsi.multipath.paths", "{path}", "Paths of one multipath attach that came up (iscsi.path.state=up) or did not (down).",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 3, 4, 6, 8] });

    public void Finished(bool multipath, TimeSpan elapsed, Exception? error)
    {
        var mode = new KeyValuePair<string, object?>(TelemetryTags.AttachMode, multipath ? TelemetryTags.Multipath : TelemetryTags.Failover);
        if (error is null)
        {
            _duration.Record(elapsed.TotalSeconds, mode);
        }
        else
        {
            _duration.Record(elapsed.TotalSeconds, mode, new(TelemetryTags.ErrorType, TelemetryTags.ErrorTypeOf(error)));
        }
    }

    public void FailedOver() => _failovers.Add(1);

    public void MultipathPaths(int up, int down)
    {
        _paths.Record(up, new KeyValuePair<string, object?>(TelemetryTags.PathState, "up"));
        _paths.Record(down, new KeyValuePair<string, object?>(TelemetryTags.PathState, "down"));
    }
}
