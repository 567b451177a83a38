using IscsiConnector.Connector.Internal;
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
        f.Host.Portal("127.0.0.1").State = MiniPortalState.Blackholed;
        f.Host.AddTarget("127.0.0.2", Iqn).AddLun(1, Wwid);

        var attachment = await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] });

        probe.Probed.Should().BeEquivalentTo("127.0.0.1", "127.0.0.2");
        attachment.Portals.Select(p => (p.Path.Portal.Host, p.Outcome)).Should().Equal(("127.0.0.2", LoginOutcome.LoggedIn), ("127.0.0.1", LoginOutcome.Skipped));
        f.Host.Commands.Should().NotContain(c => c.ArgumentValues.Contains("127.0.0.1:3260"));
    }

    [Fact]
    public async Task ConnectVolumeAsync_ProbeOff_KeepsTheBackendOrderAndNeverProbes()
    {
        var probe = new ScriptedProbe("127.0.0.1");
        using var f = new ConnectorFixture(probe: probe);
        f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);

        await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] });

        probe.Probed.Should().BeEmpty();
    }
}
