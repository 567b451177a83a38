using IscsiConnector.Connector.Internal;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

public sealed class PortalProbeTests
{
    private sealed class ScriptedProbe(params string[] unreachable) : IPortalProbe
    {
        public List<string> Probed { get; } = [];

        public Task<bool> IsReachableAsync(IscsiPortal portal, TimeSpan timeout, CancellationToken cancellationToken)
        {
            lock (Probed)
            {
                Probed.Add(portal.Host);
            }

            return Task.FromResult(!unreachable.Contains(portal.Host));
        }
    }

    [Fact]
    public async Task ConnectVolumeAsync_ProbeSaysPrimaryIsDown_TriesItLast()
    {
        var probe = new ScriptedProbe("127.0.0.1");
        using var f = new ConnectorFixture(o => o.ProbePortals = true, probe);
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Blackholed).AddPortal("127.0.0.2:3260");

        var attachment = await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] });

        probe.Probed.Should().BeEquivalentTo("127.0.0.1", "127.0.0.2");
        attachment.Portals.Select(p => (p.Path.Portal.Host, p.Outcome)).Should().Equal(("127.0.0.2", LoginOutcome.LoggedIn), ("127.0.0.1", LoginOutcome.Failed));
        attachment.Portals[1].ErrorKind.Should().Be(IscsiErrorKind.Unreachable, "the probe found it down: reported as such, not as 'not tried'");
        attachment.Portals[1].Message.Should().StartWith("Unreachable: no TCP connection to 127.0.0.1:3260");
        f.Commands.Should().NotContain(c => c.ArgumentValues.Contains("127.0.0.1:3260"));
    }

    [Fact]
    public async Task ConnectVolumeAsync_ProbeOff_KeepsTheBackendOrderAndNeverProbes()
    {
        var probe = new ScriptedProbe("127.0.0.1");
        using var f = new ConnectorFixture(o => o.ProbePortals = false, probe);
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");

        await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] });

        probe.Probed.Should().BeEmpty();
    }

    [Fact]
    public void ProbePortals_IsOnByDefault()
    {
        new IscsiConnectorOptions().ProbePortals.Should().BeTrue();
    }

    [Fact]
    public async Task ConnectVolumeAsync_PrimaryReachable_DoesNotWaitForTheAlternativesProbes()
    {
        var probe = new HangingProbe("127.0.0.2");
        using var f = new ConnectorFixture(o => o.ProbePortals = true, probe);
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260");

        var attachment = await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] });

        attachment.Portals.Select(p => (p.Path.Portal.Host, p.Outcome)).Should().Equal(("127.0.0.1", LoginOutcome.LoggedIn), ("127.0.0.2", LoginOutcome.Skipped));
        probe.Abandoned.Should().BeTrue("the alternative's probe is cancelled once the primary answered");
    }

    [Fact]
    public async Task ConnectVolumeAsync_ReachableOnesKeepTheBackendOrder_UnreachableGoLast()
    {
        var probe = new ScriptedProbe("127.0.0.1", "127.0.0.2");
        using var f = new ConnectorFixture(o => o.ProbePortals = true, probe);
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Refusing).AddPortal("127.0.0.2:3260", PortalState.Refusing).AddPortal("127.0.0.3:3260").AddPortal("127.0.0.4:3260");

        var attachment = await f.Connector.ConnectVolumeAsync(new ConnectionInfo
        {
            Primary = PathOf("127.0.0.1"),
            Alternatives = [PathOf("127.0.0.2"), PathOf("127.0.0.3"), PathOf("127.0.0.4")],
        });

        attachment.Portals.Select(p => p.Path.Portal.Host).Should().Equal("127.0.0.3", "127.0.0.4", "127.0.0.1", "127.0.0.2");
        attachment.Portals[0].Outcome.Should().Be(LoginOutcome.LoggedIn);
    }

    [Fact]
    public async Task ConnectVolumeAsync_SimulatedBlackholedPrimary_CostsTheProbeTimeoutNotALoginTimeout()
    {
        using var f = new ConnectorFixture(o => o.ProbePortals = true);
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Blackholed).AddPortal("127.0.0.2:3260");
        var start = f.Time.GetTimestamp();

        var attachment = await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] });

        attachment.Portals[0].Path.Portal.Host.Should().Be("127.0.0.2");
        f.Time.GetElapsedTime(start).Should().BeLessThan(f.Options.LoginTimeout, "the blackholed primary's probe runs out after ProbeTimeout, and it is never logged into");
        f.Commands.Should().NotContain(c => c.ArgumentValues.Contains("127.0.0.1:3260"));
    }

    [Fact]
    public async Task ConnectVolumeAsync_MultipathWithABlackholedPortal_DoesNotLogIntoIt()
    {
        using var f = new ConnectorFixture(o => { o.UseMultipath = true; o.ProbePortals = true; });
        f.Host.AddTarget(Iqn, Lun(1)).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260").AddPortal("127.0.0.3:3260", PortalState.Blackholed);
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2"), PathOf("127.0.0.3")] };

        var attachment = await f.Connector.ConnectVolumeAsync(info);

        attachment.IsMultipath.Should().BeTrue();
        attachment.Devices.Should().HaveCount(2);
        var dead = attachment.Portals.Single(p => p.Path.Portal.Host == "127.0.0.3");
        dead.Outcome.Should().Be(LoginOutcome.Failed);
        dead.Message.Should().Contain("Unreachable");
        f.Commands.Should().NotContain(c => c.ArgumentValues.Contains("127.0.0.3:3260") && c.ArgumentValues.Contains("--login"));
        await f.Connector.DisconnectVolumeAsync(info, attachment);
        f.Host.Leaks().Should().BeEmpty();
    }

    private sealed class HangingProbe(string hangs) : IPortalProbe
    {
        public bool Abandoned { get; private set; }

        public async Task<bool> IsReachableAsync(IscsiPortal portal, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (portal.Host != hangs)
            {
                return true;
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return true;
            }
            catch (OperationCanceledException)
            {
                Abandoned = true;
                throw;
            }
        }
    }
}
