using System.Diagnostics.Metrics;

namespace IscsiConnector.Telemetry;

/// <summary>Instruments of a detach: how long it took and whether it left problems behind.</summary>
internal sealed class DetachMetrics(Meter meter)
{
    private readonly Histogram<double> _duration = meter.CreateHistogram(
        "iscsi.detach.duration", "s", "Duration of DisconnectVolumeAsync, clean or not.", advice: ConnectorMetrics.OperationBuckets);

    // A detach reports most problems in its result rather than by throwing: "clean" separates the two for alerts.
    public void Finished(TimeSpan elapsed, bool? clean, Exception? error)
    {
        if (error is not null)
        {
            _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(TelemetryTags.ErrorType, TelemetryTags.ErrorTypeOf(error)));
        }
        else
        {
            _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("iscsi.detach.clean", clean));
        }
    }
}
