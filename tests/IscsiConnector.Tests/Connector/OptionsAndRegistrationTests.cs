using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Tests.Connector.Support;
using IscsiConnector.Tests.Support;
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

        var act = () => IscsiConnectorFactory.Create(options, new MiniHost(new ManualTimeProvider()));

        act.Should().NotThrow();
        options.LoginTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.InitialLoginRetryMax.Should().Be(0);
        options.Transport.Should().Be("default");
        options.LockDirectory.Should().Be("/run/lock/iscsi-connector");
    }

    public static TheoryData<string, Action<IscsiConnectorOptions>> BadOptions => new()
    {
        { "RequireAllPaths", o => o.RequireAllPaths = true },
        { "EnforceMultipath", o => o.EnforceMultipath = true },
        { "MaxParallelLogins", o => o.MaxParallelLogins = 0 },
        { "LoginTimeout", o => o.LoginTimeout = TimeSpan.Zero },
        { "Transport", o => o.Transport = "-o" },
        { "Transport", o => o.Transport = string.Empty },
        { "RootHelper", o => o.RootHelper = "sudo -n" },
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

        var act = () => IscsiConnectorFactory.Create(options, new MiniHost(new ManualTimeProvider()));

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(name);
    }

    [Fact]
    public async Task AddIscsiConnector_UserSeamsRegisteredFirst_Win()
    {
        var time = new ManualTimeProvider();
        var host = new MiniHost(time);
        host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        var lockDirectory = Path.Combine(Path.GetTempPath(), "iscsi-di-tests", Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection()
            .AddSingleton<ICommandExecutor>(host)
            .AddSingleton<IHostFileSystem>(host)
            .AddSingleton<TimeProvider>(time)
            .AddIscsiConnector(o => o.LockDirectory = lockDirectory);
        await using var provider = services.BuildServiceProvider();

        var attachment = await provider.GetRequiredService<IVolumeConnector>().ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Path.Should().Be("/dev/sda");
        host.CountOf("iscsiadm").Should().Be(3);
        Directory.Delete(lockDirectory, recursive: true);
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
