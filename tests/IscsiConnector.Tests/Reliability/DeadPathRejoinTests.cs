using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Reliability;

/// <summary>
/// Issue 12 / spec 001, "paths dead at attach": the documented re-scan call is to connect again with the same
/// connection_info once the portal is back; the live path is reused untouched and the returned one joins the same map.
/// </summary>
public sealed class DeadPathRejoinTests
{
    [Fact]
    public async Task ConnectVolumeAsync_AgainAfterThePortalReturns_AddsItsPathToTheSameMap()
    {
        using var f = new ConnectorFixture(o => o.UseMultipath = true);
        f.Host.AddTarget(Iqn, Lun(1, Wwid)).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260", PortalState.Blackholed);
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] };
        var first = await f.Connector.ConnectVolumeAsync(info);
        first.Devices.Should().ContainSingle();
        f.Host.NodeRecords.Should().ContainSingle("the dead portal's record is undone");

        f.Host.SetPortalState("127.0.0.2:3260", PortalState.Up);
        var again = await f.Connector.ConnectVolumeAsync(info);

        again.Path.Should().Be(first.Path);
        again.Portals.Select(p => p.Outcome).Should().Equal(LoginOutcome.AlreadyLoggedIn, LoginOutcome.LoggedIn);
        f.Host.MultipathMaps.Should().ContainSingle().Which.Paths.Should().HaveCount(2);
        (await f.Connector.DisconnectVolumeAsync(info, again)).IsClean.Should().BeTrue();
        f.Host.Leaks().Should().BeEmpty();
    }
}
