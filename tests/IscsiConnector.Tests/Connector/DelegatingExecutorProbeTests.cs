using IscsiConnector.Execution;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using IscsiConnector.Tests.HostCheck;
using Microsoft.Extensions.Logging.Abstractions;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

/// <summary>
/// The factory picks the portal probe by the host underneath a delegating wrapper (the CLI's observer, a recorder),
/// so wrapping the simulated host does not turn its dead portals into login timeouts; an opaque wrapper is a fake.
/// </summary>
public sealed class DelegatingExecutorProbeTests
{
    private sealed class Delegating(ICommandExecutor inner) : IDelegatingCommandExecutor
    {
        public ICommandExecutor InnerExecutor { get; set; } = inner;

        public Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default) =>
            InnerExecutor.ExecuteAsync(command, cancellationToken);
    }

    private sealed class Opaque(ICommandExecutor inner) : ICommandExecutor
    {
        public Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default) =>
            inner.ExecuteAsync(command, cancellationToken);
    }

    private static readonly ConnectionInfo Failover = new() { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] };

    private static (SimulatedIscsiHost Host, IVolumeConnector Connector) Wrapped(Func<ICommandExecutor, ICommandExecutor> wrap)
    {
        var time = new IscsiConnector.Testing.SimulatedTimeProvider();
        var host = new SimulatedIscsiHost(time);
        host.AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Blackholed).AddPortal("127.0.0.2:3260");
        // Both seams wrapped, as the CLI does with --simulate: only the executor's delegation leads to the host.
        var fileSystem = new OverlayFileSystem(host, new Dictionary<string, string?>());
        var options = new IscsiConnectorOptions { CheckHostBeforeAttach = false, ProbePortals = true };
        return (host, IscsiConnectorFactory.Create(options, wrap(host), fileSystem, time, NullLoggerFactory.Instance));
    }

    private static bool LoggedIntoTheDeadPrimary(SimulatedIscsiHost host) =>
        host.Invocations.Any(i => i.Command.ArgumentValues.Contains("127.0.0.1:3260") && i.Command.ArgumentValues.Contains("--login"));

    [Fact]
    public async Task Create_DelegatingWrappersAroundTheSimulatedHost_ProbesThroughThem()
    {
        var (host, connector) = Wrapped(h => new Delegating(new Delegating(h)));

        var attachment = await connector.ConnectVolumeAsync(Failover);

        attachment.Portals[0].Path.Portal.Host.Should().Be("127.0.0.2");
        attachment.Portals[1].ErrorKind.Should().Be(IscsiErrorKind.Unreachable, "the simulated host's own probe found the primary dead");
        LoggedIntoTheDeadPrimary(host).Should().BeFalse();
    }

    [Fact]
    public async Task Create_OpaqueWrapper_IsAFakeAndKeepsTheBackendOrderWithoutProbing()
    {
        var (host, connector) = Wrapped(h => new Opaque(h));

        var attachment = await connector.ConnectVolumeAsync(Failover);

        attachment.Portals[0].Path.Portal.Host.Should().Be("127.0.0.1", "an unprobed order starts with the primary");
        attachment.Portals[0].Outcome.Should().Be(LoginOutcome.Failed);
        LoggedIntoTheDeadPrimary(host).Should().BeTrue();
    }

    [Fact]
    public async Task Create_WrapperNamingItselfAsItsInner_DoesNotHang()
    {
        var (host, _) = Wrapped(h => h);
        var loop = new Delegating(host);
        loop.InnerExecutor = loop;

        var create = () => IscsiConnectorFactory.Create(new IscsiConnectorOptions { CheckHostBeforeAttach = false }, loop, host, new IscsiConnector.Testing.SimulatedTimeProvider(), NullLoggerFactory.Instance);

        await Task.Run(create).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
