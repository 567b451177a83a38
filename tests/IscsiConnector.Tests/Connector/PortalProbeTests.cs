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
        attachment.Portals.Select(p => (p.Path.Portal.Host, p.Outcome)).Should().Equal(("127.0.0.2", LoginOutcome.LoggedIn), ("127.0.0.1", LoginOutcome.Skipped));
        f.Commands.Should().NotContain(c => c.ArgumentValues.Contains("127.0.0.1:3260"));
    }

    [Fact]
    public async Task ConnectVolumeAsync_ProbeOff_KeepsTheBackendOrderAndNeverProbes()
    {
        var probe = new ScriptedProbe("127.0.0.1");
        using var f = new ConnectorFixture(probe: probe);
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");

        await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] });

        probe.Probed.Should().BeEmpty();
    }
}
