using System.Collections;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace IscsiConnector.Tests.Telemetry;

/// <summary>
/// CHAP secrets never reach telemetry: every span (name, status, tags, events), every metric tag and every log line
/// (message, structured values, scopes, exceptions) of a CHAP attach, a failed CHAP attach, an extend and a detach.
/// Listens process-wide by name, so it runs alone (<see cref="TelemetryCollection"/>).
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class SecretRedactionTests
{
    private const string Secret = "chapsecret123";
    private const string WrongSecret = "wrong-password";

    [Fact]
    public async Task ChapAttachDetachAndFailure_NoSecretInAnySpanMetricTagOrLogLine()
    {
        var spans = new List<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = s => s.Name == IscsiConnectorTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(tracing);
        var metricTags = new List<string>();
        using var metering = new MeterListener();
        metering.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IscsiConnectorTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        metering.SetMeasurementEventCallback<long>((_, _, tags, _) => Record(metricTags, tags));
        metering.SetMeasurementEventCallback<int>((_, _, tags, _) => Record(metricTags, tags));
        metering.SetMeasurementEventCallback<double>((_, _, tags, _) => Record(metricTags, tags));
        metering.Start();
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var connector = Samples.Host("wrong-chap").CreateConnector(loggerFactory: loggerFactory);
        var right = ConnectionInfo.Parse(Samples.InfoJson("chap").Replace(WrongSecret, Secret, StringComparison.Ordinal));
        var wrong = Samples.Info("chap");

        var attachment = await connector.ConnectVolumeAsync(right);
        await connector.ExtendVolumeAsync(right);
        await connector.DisconnectVolumeAsync(right, attachment);
        var failed = () => connector.ConnectVolumeAsync(wrong);
        await failed.Should().ThrowAsync<VolumeAttachException>();

        // The places a secret would go were really seen: the password update ran, masked, and the failure was logged.
        spans.Should().Contain(s => s.OperationName == "iscsi.extend");
        spans.Should().Contain(s => s.OperationName == "iscsi.command" && ((string[])s.GetTagItem("process.command_args")!).Contains("***"));
        logs.Collector.GetSnapshot().Should().Contain(r => r.Level == LogLevel.Error || r.Level == LogLevel.Warning);
        var texts = spans.SelectMany(SpanTexts).Concat(metricTags).Concat(logs.Collector.GetSnapshot().SelectMany(LogTexts)).ToList();
        texts.Should().NotBeEmpty();
        texts.Should().NotContain(t => t.Contains(Secret, StringComparison.Ordinal) || t.Contains(WrongSecret, StringComparison.Ordinal));
    }

    private static void Record(List<string> sink, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (sink)
        {
            foreach (var tag in tags)
            {
                sink.Add($"{tag.Key}={tag.Value}");
            }
        }
    }

    private static IEnumerable<string> SpanTexts(Activity span) =>
        new[] { span.OperationName, span.DisplayName, span.StatusDescription ?? string.Empty }
            .Concat(span.TagObjects.SelectMany(t => Texts(t.Key, t.Value)))
            .Concat(span.Events.SelectMany(e => e.Tags.SelectMany(t => Texts(t.Key, t.Value)).Append(e.Name)));

    private static IEnumerable<string> LogTexts(FakeLogRecord record) =>
        new[] { record.Message, record.Exception?.ToString() ?? string.Empty }
            .Concat(record.StructuredState?.SelectMany(s => Texts(s.Key, s.Value)) ?? [])
            .Concat(record.Scopes.Select(s => s?.ToString() ?? string.Empty))
            .Concat(record.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).SelectMany(s => Texts(s.Key, s.Value)));

    private static IEnumerable<string> Texts(string key, object? value) => value switch
    {
        string text => [$"{key}={text}"],
        IEnumerable items => items.Cast<object?>().Select(i => $"{key}={i}"),
        _ => [$"{key}={value}"],
    };
}
