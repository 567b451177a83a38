using System.Diagnostics.Metrics;
using IscsiConnector.Execution;
using IscsiConnector.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace IscsiConnector.Tests.Telemetry;

/// <summary>
/// The instruments, read with the platform's <see cref="MetricCollector{T}"/> scoped to one <see cref="IMeterFactory"/>
/// (so these tests run in parallel with any other connector in the process).
/// </summary>
public sealed class ConnectorMetricsTests
{
    [Fact]
    public async Task AddIscsiConnector_WithAMeterFactory_RecordsAttachAndDetachOnTheContainersMeter()
    {
        var host = Samples.Host("healthy-single");
        var services = new ServiceCollection().AddMetrics()
            .AddSingleton<ICommandExecutor>(host).AddSingleton<IHostFileSystem>(host).AddSingleton<TimeProvider>(host.TimeProvider)
            .AddIscsiConnector();
        await using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        using var attaches = new MetricCollector<double>(meters, IscsiConnectorTelemetry.MeterName, "iscsi.attach.duration");
        using var detaches = new MetricCollector<double>(meters, IscsiConnectorTelemetry.MeterName, "iscsi.detach.duration");
        var connector = provider.GetRequiredService<IVolumeConnector>();
        var info = Samples.Info("single");

        var attachment = await connector.ConnectVolumeAsync(info);
        await connector.DisconnectVolumeAsync(info, attachment);

        var attach = attaches.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        attach.Value.Should().BeApproximately(attachment.Elapsed.TotalSeconds, 0.001);
        attach.Tags.Should().Equal(new Dictionary<string, object?> { ["iscsi.attach.mode"] = "failover" });
        var detach = detaches.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        detach.Tags.Should().Equal(new Dictionary<string, object?> { ["iscsi.detach.clean"] = true });
    }

    [Fact]
    public async Task FailoverAttach_ProbeFindsThePrimaryDead_CountsOneFailoverAndAnUnreachableLoginFailure()
    {
        using var container = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = container.GetRequiredService<IMeterFactory>();
        using var failovers = new MetricCollector<long>(meters, IscsiConnectorTelemetry.MeterName, "iscsi.attach.failovers");
        using var failures = new MetricCollector<long>(meters, IscsiConnectorTelemetry.MeterName, "iscsi.login.failures");
        var connector = Samples.Host("primary-down").CreateConnector(meterFactory: meters);

        var attachment = await connector.ConnectVolumeAsync(Samples.Info("failover"));

        attachment.Portals.Select(p => (p.Path.Portal.Host, p.Outcome)).Should().StartWith(("127.0.0.2", LoginOutcome.LoggedIn));
        failovers.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(1, "the probe moved past the dead primary before any login");
        failures.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["iscsi.error.kind"].Should().Be("unreachable");
    }

    [Fact]
    public async Task MultipathAttach_OnePortalBlackholed_RecordsTwoPathsUpAndOneDown()
    {
        using var container = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = container.GetRequiredService<IMeterFactory>();
        using var paths = new MetricCollector<int>(meters, IscsiConnectorTelemetry.MeterName, "iscsi.multipath.paths");
        using var failures = new MetricCollector<long>(meters, IscsiConnectorTelemetry.MeterName, "iscsi.login.failures");
        var connector = Samples.Host("multipath-one-down").CreateConnector(new IscsiConnectorOptions { UseMultipath = true }, meterFactory: meters);

        var attachment = await connector.ConnectVolumeAsync(Samples.Info("multipath"));

        attachment.Devices.Should().HaveCount(2);
        paths.GetMeasurementSnapshot().Select(m => (m.Tags["iscsi.path.state"], m.Value)).Should().BeEquivalentTo(new[] { ((object?)"up", 2), ("down", 1) });
        failures.GetMeasurementSnapshot().Should().ContainSingle().Which.Value.Should().Be(1);
    }

    [Fact]
    public async Task Attach_WrongChapPassword_CountsAnAuthenticationFailureAndTagsTheAttachWithTheErrorType()
    {
        using var container = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = container.GetRequiredService<IMeterFactory>();
        using var authentication = new MetricCollector<long>(meters, IscsiConnectorTelemetry.MeterName, "iscsi.authentication.failures");
        using var logins = new MetricCollector<long>(meters, IscsiConnectorTelemetry.MeterName, "iscsi.login.failures");
        using var attaches = new MetricCollector<double>(meters, IscsiConnectorTelemetry.MeterName, "iscsi.attach.duration");
        var connector = Samples.Host("wrong-chap").CreateConnector(meterFactory: meters);

        var attach = () => connector.ConnectVolumeAsync(Samples.Info("chap"));

        await attach.Should().ThrowAsync<VolumeAttachException>();
        authentication.GetMeasurementSnapshot().Should().ContainSingle().Which.Value.Should().Be(1);
        logins.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Equal(new Dictionary<string, object?> { ["iscsi.error.kind"] = "authentication_failed" });
        attaches.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Contain("error.type", typeof(VolumeAttachException).FullName);
    }

    [Fact]
    public async Task Attach_Commands_AreCountedOncePerProcessTheHostStarted()
    {
        using var container = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = container.GetRequiredService<IMeterFactory>();
        using var invocations = new MetricCollector<long>(meters, IscsiConnectorTelemetry.MeterName, "iscsi.command.invocations");
        var host = Samples.Host("healthy-single");
        var connector = host.CreateConnector(meterFactory: meters);

        await connector.ConnectVolumeAsync(Samples.Info("single"));

        var counted = invocations.GetMeasurementSnapshot()
            .GroupBy(m => (string)m.Tags["process.executable.name"]!)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        counted.Should().BeEquivalentTo(host.Invocations.GroupBy(i => Path.GetFileName(i.Command.FileName)).ToDictionary(g => g.Key, g => (long)g.Count()));
    }
}
