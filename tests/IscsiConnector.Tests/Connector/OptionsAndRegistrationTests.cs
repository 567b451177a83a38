using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

public sealed class OptionsAndRegistrationTests
{
    [Fact]
    public void Create_DefaultOptions_AreValid()
    {
        var options = new IscsiConnectorOptions();

        var act = () => IscsiConnectorFactory.Create(options, new SimulatedIscsiHost());

        act.Should().NotThrow();
        options.LoginTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.InitialLoginRetryMax.Should().Be(0);
        options.Transport.Should().Be("default");
        options.LockDirectory.Should().BeNull("the default depends on the user: /run/lock/iscsi-connector for root, a private per-user place otherwise");
    }

    public static TheoryData<string, Action<IscsiConnectorOptions>> BadOptions => new()
    {
        { "RequireAllPaths", o => o.RequireAllPaths = true },
        { "EnforceMultipath", o => o.EnforceMultipath = true },
        { "MaxParallelLogins", o => o.MaxParallelLogins = 0 },
        { "LoginTimeout", o => o.LoginTimeout = TimeSpan.Zero },
        { "Transport", o => o.Transport = "-o" },
        { "Transport", o => o.Transport = string.Empty },
        { "RootHelper", o => o.RootHelper = ["sudo -n"] },
        { "RootHelper", o => o.RootHelper = ["-n", "sudo"] },
        { "LockDirectory", o => o.LockDirectory = "relative/dir" },
        { "ProbeTimeout", o => { o.ProbePortals = true; o.ProbeTimeout = TimeSpan.FromSeconds(10); } },
        { "InitialLoginRetryMax", o => o.InitialLoginRetryMax = -1 },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Create_InvalidOptions_ThrowsNamingTheOption(string name, Action<IscsiConnectorOptions> breakIt)
    {
        var options = new IscsiConnectorOptions();
        breakIt(options);

        var act = () => IscsiConnectorFactory.Create(options, new SimulatedIscsiHost());

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(name);
    }

    [Theory]
    [InlineData("sudo -n")]
    [InlineData("sudo nova-rootwrap /etc/nova/rootwrap.conf")]
    public void Create_DocumentedRootHelpers_AreAccepted(string commandLine)
    {
        var options = new IscsiConnectorOptions { RootHelper = [.. global::IscsiConnector.Execution.RootHelperCommandLine.Parse(commandLine)] };

        var act = () => IscsiConnectorFactory.Create(options, new SimulatedIscsiHost());

        act.Should().NotThrow("the options' own documented examples must be valid");
    }

    [Fact]
    public async Task AddIscsiConnector_UserSeamsRegisteredFirst_Win()
    {
        var time = new SimulatedTimeProvider();
        var host = new SimulatedIscsiHost(time).AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        var services = new ServiceCollection()
            .AddSingleton<ICommandExecutor>(host)
            .AddSingleton<IHostFileSystem>(host)
            .AddSingleton<TimeProvider>(time)
            .AddIscsiConnector(o => o.LockDirectory = "/nonexistent/iscsi-di-tests");
        await using var provider = services.BuildServiceProvider();

        var attachment = await provider.GetRequiredService<IVolumeConnector>().ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Path.Should().Be("/dev/sda");
        host.RenderInvocations().Split('\n')[0].Should().EndWith("-o new", "the registered executor ran the attach (the host check starts no process as root)");
        host.ProcessStartCount.Should().Be(4, "-o new, -o update, --login and node.startup=automatic after the login");
        host.HeldLocks.Should().BeEmpty("the lock was taken in the simulated host's memory, so the directory never had to exist");
        Directory.Exists("/nonexistent/iscsi-di-tests").Should().BeFalse();
    }

    [Fact]
    public void AddIscsiConnector_InvalidOptions_FailValidation()
    {
        var services = new ServiceCollection().AddIscsiConnector(o => o.RequireAllPaths = true);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<IscsiConnectorOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => f.Contains("RequireAllPaths"));
    }

    [Fact]
    public void AddIscsiConnector_CalledTwice_RegistersOneConnectorAndOneOfEachValidator()
    {
        var services = new ServiceCollection().AddIscsiConnector().AddIscsiConnector();

        services.Count(d => d.ServiceType == typeof(IVolumeConnector)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<IscsiConnectorOptions>)).Should().Be(2);
    }
}
