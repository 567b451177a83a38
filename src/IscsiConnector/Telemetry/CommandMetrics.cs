using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IscsiConnector.Telemetry;

/// <summary>Instruments of the commands the connector runs (<c>iscsiadm</c>, <c>multipath</c>, <c>blockdev</c>, PowerShell).</summary>
internal sealed class CommandMetrics(Meter meter)
{
    private readonly Counter<long> _invocations = meter.CreateCounter<long>(
        "iscsi.command.invocations", "{invocation}", "Commands started, counted before the process starts.");

    private readonly Histogram<double> _duration = meter.CreateHistogram(
        "iscsi.command.duration", "s", "Duration of a command as its executor measured it.", advice: ConnectorMetrics.OperationBuckets);

    public void Starting(string program) =>
        _invocations.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ExecutableName, program));

    public void Finished(string program, TimeSpan duration, int? exitCode, Exception? error)
    {
        var tags = new TagList { { TelemetryTags.ExecutableName, program } };
        if (exitCode is { } code)
        {
            tags.Add(TelemetryTags.ExitCode, code);
        }

        if (error is not null)
        {
            tags.Add(TelemetryTags.ErrorType, TelemetryTags.ErrorTypeOf(error));
        }

        _duration.Record(duration.TotalSeconds, tags);
    }
}
