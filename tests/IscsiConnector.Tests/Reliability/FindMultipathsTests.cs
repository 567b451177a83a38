using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Reliability;

/// <summary>
/// Issue 12, "distribution multipath defaults": with find_multipaths strict a WWID not in /etc/multipath/wwids gets no
/// map, so a multipath attach whitelists it first (<c>multipath -a</c>, as os-brick) and the map appears.
/// </summary>
public sealed class FindMultipathsTests
{
    [Theory]
    [InlineData(FindMultipathsMode.Strict)]
    [InlineData(FindMultipathsMode.Yes)]
    [InlineData(FindMultipathsMode.No)]
    public async Task ConnectVolumeAsync_AnyFindMultipathsMode_WhitelistsTheWwidAndGetsTheMap(FindMultipathsMode mode)
    {
        using var f = new ConnectorFixture(o => o.UseMultipath = true);
        f.Host.FindMultipaths = mode;
        f.Host.AddTarget(Iqn, Lun(1, Wwid)).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260");

        var attachment = await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] });

        attachment.MultipathId.Should().Be(UdevWwn);
        f.Host.MultipathMaps.Should().ContainSingle().Which.Paths.Should().HaveCount(2);
        if (mode == FindMultipathsMode.Strict)
        {
            f.Commands.Select(c => c.ToDisplayString()).Should().Contain($"multipath -a {UdevWwn}", "strict maps only whitelisted WWIDs");
        }
    }
}
