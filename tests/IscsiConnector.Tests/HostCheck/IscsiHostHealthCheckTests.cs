using IscsiConnector.Readiness;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IscsiConnector.Tests.HostCheck;

public class IscsiHostHealthCheckTests
{
    private readonly SimulatedIscsiHost _host = new(new SimulatedTimeProvider());

    private async Task<HealthReportEntry> RunThroughHealthCheckServiceAsync(bool multipath = false, HealthStatus? failureStatus = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(HostCheckHarness.Create(_host, multipath));
        services.AddSingleton<IscsiHostHealthCheck>();
        services.AddHealthChecks().AddCheck<IscsiHostHealthCheck>("iscsi-host", failureStatus);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["iscsi-host"];
    }

    [Fact]
    public async Task CheckHealthAsync_ReadyHost_IsHealthyWithEveryFindingAsData()
    {
        var entry = await RunThroughHealthCheckServiceAsync(multipath: true);

        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Data.Keys.Should().BeEquivalentTo(Enum.GetNames<HostRequirement>());
        entry.Data["Iscsid"].Should().Be("Ok: iscsid is listening on @ISCSIADM_ABSTRACT_NAMESPACE");
    }

    public static TheoryData<string, Action<SimulatedIscsiHost>, string> Failures => new()
    {
        { "Iscsid", h => h.IscsidRunning = false, "start iscsid" },
        { "IscsiAdm", h => h.IscsiAdmInstalled = false, "install open-iscsi" },
        { "Multipathd", h => h.MultipathdRunning = false, "start multipathd" },
        { "InitiatorName", h => h.HasInitiatorNameFile = false, "iscsi-iname" },
        { "Transport", h => h.UnloadTransport("tcp"), "modprobe iscsi_tcp" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task CheckHealthAsync_EachFailure_IsUnhealthyNamingTheFix(string requirement, Action<SimulatedIscsiHost> breakHost, string fix)
    {
        breakHost(_host);

        var entry = await RunThroughHealthCheckServiceAsync(multipath: true);

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain(fix);
        entry.Data[requirement].Should().BeOfType<string>().Which.Should().StartWith("Problem: ").And.Contain("Fix: ");
    }

    [Fact]
    public async Task CheckHealthAsync_RegistrationFailureStatus_IsUsedForProblems()
    {
        _host.IscsidRunning = false;

        var entry = await RunThroughHealthCheckServiceAsync(failureStatus: HealthStatus.Degraded);

        entry.Status.Should().Be(HealthStatus.Degraded);
    }
}

public class IscsiHostHealthCheckRegistrationTests
{
    [Fact]
    public async Task AddIscsiHostHealthCheck_AfterAddIscsiConnector_ChecksTheRegisteredHost()
    {
        var host = new SimulatedIscsiHost(new SimulatedTimeProvider()) { IscsidRunning = false };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<global::IscsiConnector.Execution.ICommandExecutor>(host)
            .AddSingleton<global::IscsiConnector.Host.IHostFileSystem>(host)
            .AddIscsiConnector(o => o.UseMultipath = true)
            .AddIscsiHostHealthCheck();
        services.AddHealthChecks().AddCheck<IscsiHostHealthCheck>("iscsi-host");
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["iscsi-host"];
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().StartWith("iscsid is not running");
        entry.Data["Multipathd"].Should().Be("Ok: multipathd is listening on @/org/kernel/linux/storage/multipathd", "the options (UseMultipath) reach the check");
        host.RenderInvocations().Should().BeEmpty("running as root, the check reads the registered file system and starts no process");
    }
}
