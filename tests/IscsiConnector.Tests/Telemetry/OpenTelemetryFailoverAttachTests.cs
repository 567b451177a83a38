using System.Diagnostics;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using System.Diagnostics.Metrics;

namespace IscsiConnector.Tests.Telemetry;

/// <summary>
/// The connector inside an OpenTelemetry-instrumented host (the SDK's own tracer, meter and logger providers with the
/// in-memory exporter), attaching the shipped failover scenario on the simulated host: the primary portal is
/// blackholed, the first alternative works. What an operator's collector would receive is asserted as exported.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class OpenTelemetryFailoverAttachTests
{
    private const string VolumeId = "00000002-0000-4000-8000-000000000002";

    [Fact]
    public async Task FailoverAttach_InAnOpenTelemetryHost_ExportsSpansMetricsAndScopedLogs()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var logs = new List<LogRecord>();
        var services = new ServiceCollection()
            .AddMetrics()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(IscsiConnectorTelemetry.ActivitySourceName).AddInMemoryExporter(spans))
            .WithMetrics(m => m.AddMeter(IscsiConnectorTelemetry.MeterName).AddInMemoryExporter(metrics))
            .WithLogging(l => l.AddInMemoryExporter(logs), o => o.IncludeScopes = true);
        await using var provider = services.BuildServiceProvider();
        var tracing = provider.GetRequiredService<TracerProvider>();
        var metering = provider.GetRequiredService<MeterProvider>();
        var host = SimulatedIscsiHost.FromScenario(File.ReadAllText(TestBed.RepositoryFile("samples/scenarios/primary-down.json")), new SimulatedTimeProvider());
        // Login-by-login failover (no reachability probe), so the dead primary gets its own attempt span; the probe's
        // failover is tested below.
        var connector = host.CreateConnector(new IscsiConnectorOptions { ProbePortals = false }, provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<IMeterFactory>());
        var info = ConnectionInfo.Parse(File.ReadAllText(TestBed.RepositoryFile("samples/connection-info/failover.json")));

        var attachment = await connector.ConnectVolumeAsync(info);
        tracing.ForceFlush();
        metering.ForceFlush();

        // Spans: attach → one span per portal attempt → one span per command, in one trace.
        var attach = spans.Should().ContainSingle(s => s.OperationName == "iscsi.attach").Subject;
        var trace = spans.Where(s => s.TraceId == attach.TraceId).ToList();
        attach.GetTagItem("iscsi.volume.id").Should().Be(VolumeId);
        attach.GetTagItem("iscsi.target.iqn").Should().Be("iqn.2010-10.org.openstack:volume-00000002");
        attach.GetTagItem("iscsi.attach.mode").Should().Be("failover");
        attach.GetTagItem("iscsi.portal.count").Should().Be(3);
        attach.GetTagItem("iscsi.device.path").Should().Be(attachment.Path);
        attach.Status.Should().Be(ActivityStatusCode.Unset);
        var failover = attach.Events.Should().ContainSingle(e => e.Name == "iscsi.failover").Subject;
        failover.Tags.Should().Contain(new KeyValuePair<string, object?>("iscsi.failover.from", "127.0.0.1:3260"))
            .And.Contain(new KeyValuePair<string, object?>("iscsi.failover.to", "127.0.0.2:3260"));

        var attempts = trace.Where(s => s.OperationName == "iscsi.portal_attempt").OrderBy(s => s.StartTimeUtc).ToList();
        attempts.Should().HaveCount(2, "the third portal is not tried once the second works");
        attempts.Should().OnlyContain(a => a.ParentSpanId == attach.SpanId);
        attempts.Select(a => (a.GetTagItem("server.address"), a.GetTagItem("server.port"), a.GetTagItem("iscsi.login.outcome")))
            .Should().Equal(("127.0.0.1", 3260, "failed"), ("127.0.0.2", 3260, "logged_in"));
        attempts[0].Status.Should().Be(ActivityStatusCode.Error);
        attempts[0].GetTagItem("iscsi.portal.failure").Should().Be("login_failed");
        attempts[0].GetTagItem("iscsi.error.kind").Should().Be(Snake(attachment.Portals[0].ErrorKind!.Value));
        attempts[1].GetTagItem("iscsi.device.name").Should().Be(attachment.Devices[0].Name);

        var commands = trace.Where(s => s.OperationName == "iscsi.command").ToList();
        commands.Should().HaveCount(host.ProcessStartCount, "every command the host ran has its span");
        commands.Should().OnlyContain(c => c.GetTagItem("process.exit.code") != null && c.GetTagItem("iscsi.command.duration") != null);
        var deadLogin = commands.Should().ContainSingle(c => Args(c).Contains("--login") && Args(c).Contains("127.0.0.1:3260")).Subject;
        deadLogin.ParentSpanId.Should().Be(attempts[0].SpanId);
        deadLogin.GetTagItem("process.executable.name").Should().Be("iscsiadm");
        deadLogin.GetTagItem("process.exit.code").Should().Be(attachment.Portals[0].NativeCode);
        ((double)deadLogin.GetTagItem("iscsi.command.duration")!).Should().BeGreaterThan(1, "a blackholed login waits out its login timeout (virtual time)");

        // Metrics, on the host's IMeterFactory meter.
        Sum(metrics, "iscsi.attach.failovers").Should().Be(1);
        Sum(metrics, "iscsi.login.failures", ("iscsi.error.kind", Snake(attachment.Portals[0].ErrorKind!.Value))).Should().Be(1);
        metrics.Should().NotContain(m => m.Name == "iscsi.authentication.failures");
        Sum(metrics, "iscsi.command.invocations", ("process.executable.name", "iscsiadm")).Should().Be(host.Invocations.Count(i => i.Command.FileName == "iscsiadm"));
        var duration = metrics.Should().ContainSingle(m => m.Name == "iscsi.attach.duration").Subject;
        duration.Unit.Should().Be("s");
        var point = duration.MetricPoints.Should().ContainSingle().Subject;
        Tags(point).Should().Equal(new Dictionary<string, object?> { ["iscsi.attach.mode"] = "failover" });
        point.GetHistogramCount().Should().Be(1);
        point.GetHistogramSum().Should().BeApproximately(attachment.Elapsed.TotalSeconds, 0.001, "measured on the connector's (virtual) clock");

        // Logs: every line of the attach carries the operation's scope and the attach span's trace.
        logs.Should().Contain(l => l.EventId.Id == IscsiEventIds.FailingOver);
        logs.Should().OnlyContain(l => ScopeOf(l)["VolumeId"] as string == VolumeId && ScopeOf(l)["Operation"] as string == "Attach");
        logs.Should().OnlyContain(l => l.TraceId == attach.TraceId);
    }

    private static List<string> Args(Activity command) => [.. (string[])command.GetTagItem("process.command_args")!];

    private static string Snake(IscsiErrorKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static long Sum(List<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        metrics.Where(m => m.Name == name)
            .SelectMany(m => m.MetricPoints)
            .Where(p => tags.All(t => Equals(Tags(p).GetValueOrDefault(t.Key), t.Value)))
            .Sum(p => p.GetSumLong());

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

    private static Dictionary<string, object?> ScopeOf(LogRecord record)
    {
        var values = new Dictionary<string, object?>();
        record.ForEachScope((scope, state) =>
        {
            foreach (var item in scope)
            {
                state[item.Key] = item.Value;
            }
        }, values);
        return values;
    }
}
