using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Transports.Support;
using IscsiConnector.Transports;
using static IscsiConnector.Tests.Transports.Support.TransportFixture;

namespace IscsiConnector.Tests.Transports;

/// <summary>Every iscsiadm command that takes <c>-I</c> names the configured iface, in every flow (spec 004).</summary>
public sealed class TransportFlowTests
{
    [Fact]
    public async Task ConnectVolumeAsync_SinglePortal_EveryCommandUsesTheIface()
    {
        using var f = new TransportFixture(_ => { });

        var attachment = await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        f.IfaceUses().Should().Equal(("node -o new", Cxgb4), ("node -o update", Cxgb4), ("node --login", Cxgb4), ("node -o update", Cxgb4));
        f.IfaceCommands.Select(c => string.Join(' ', c.ArgumentValues)).Should().Equal($"-m iface -I {Cxgb4} -o show");
        attachment.Portals.Should().ContainSingle().Which.Should().Match<PortalOutcome>(p => p.Iface == Cxgb4 && p.TransportFallback == null && p.Succeeded);
        f.Host.Sessions.Should().ContainSingle().Which.Iface.Should().Be(Cxgb4);
    }

    [Fact]
    public async Task ConnectVolumeAsync_Failover_EveryCommandOfEveryPortalUsesTheIface()
    {
        using var f = new TransportFixture(o =>
        {
            o.TransportFallback = TransportFallback.Fail;
            o.ProbePortals = false; // every portal logged in, the refused one too
        });

        var attachment = await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", 3261), Alternatives = [PathOf("127.0.0.2")] });

        f.IfaceUses().Should().Contain(("node --login", Cxgb4)).And.OnlyContain(u => u.Iface == Cxgb4);
        f.IfaceUses().Count(u => u.Operation == "node --login").Should().Be(2);
        attachment.Portals.Select(p => (p.Outcome, p.Iface)).Should().Equal((LoginOutcome.Failed, Cxgb4), (LoginOutcome.LoggedIn, Cxgb4));
    }

    [Fact]
    public async Task ConnectVolumeAsync_Multipath_EveryPortalLogsInThroughTheIface()
    {
        using var f = new TransportFixture(o => o.UseMultipath = true);

        var attachment = await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] });

        f.IfaceUses().Should().OnlyContain(u => u.Iface == Cxgb4);
        f.IfaceUses().Count(u => u.Operation == "node --login").Should().Be(2);
        attachment.Devices.Should().HaveCount(2);
        f.Host.Sessions.Should().HaveCount(2).And.OnlyContain(s => s.Iface == Cxgb4);
    }

    [Fact]
    public async Task ConnectVolumeAsync_MultipathDiscovery_DiscoveryDbCommandsUseTheIface()
    {
        using var f = new TransportFixture(o => o.UseMultipath = true);

        await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        var uses = f.IfaceUses();
        uses.Where(u => u.Operation.StartsWith("discoverydb", StringComparison.Ordinal)).Select(u => u.Operation)
            .Should().Equal("discoverydb -o new", "discoverydb -o update", "discoverydb --discover", "discoverydb -o delete");
        uses.Should().OnlyContain(u => u.Iface == Cxgb4);
    }

    [Fact]
    public async Task DisconnectVolumeAsync_AfterAttach_LogsOutAndDeletesThroughTheIface()
    {
        using var f = new TransportFixture(_ => { });
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };
        await f.Connector.ConnectVolumeAsync(info);
        f.Host.ClearInvocations();

        var result = await f.Connector.DisconnectVolumeAsync(info);

        f.IfaceUses().Should().Equal(("node --logout", Cxgb4), ("node -o delete", Cxgb4));
        result.LoggedOut.Should().ContainSingle();
        f.Host.Sessions.Should().BeEmpty();
        f.Host.NodeRecords.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_RecordOfDefaultIfaceExists_StillCreatesTheRecordOfTheIface()
    {
        using var f = new TransportFixture(o => o.TransportFallback = TransportFallback.Fail);
        await f.Host.ExecuteAsync(new IscsiConnector.Execution.CommandSpec("iscsiadm", "-m", "node", "-o", "new", "-T", Iqn, "-p", "127.0.0.1:3260", "-I", "default"));
        f.Host.ClearInvocations();

        var attachment = await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        f.IfaceUses().Should().Equal(("node -o new", Cxgb4), ("node -o update", Cxgb4), ("node --login", Cxgb4), ("node -o update", Cxgb4));
        attachment.Portals.Single().Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task ConnectVolumeAsync_RecordOfTheIfaceExists_UpdatesItWithoutNew()
    {
        using var f = new TransportFixture(o => o.TransportFallback = TransportFallback.Fail);
        await f.Host.ExecuteAsync(new IscsiConnector.Execution.CommandSpec("iscsiadm", "-m", "node", "-o", "new", "-T", Iqn, "-p", "127.0.0.1:3260", "-I", Cxgb4));
        f.Host.ClearInvocations();

        await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        f.IfaceUses().Should().Equal(("node -o update", Cxgb4), ("node --login", Cxgb4), ("node -o update", Cxgb4));
    }

    [Fact]
    public async Task GetConnectorPropertiesAsync_ReportsTheLoadedTransports()
    {
        using var f = new TransportFixture(_ => { });

        var properties = await f.Connector.GetConnectorPropertiesAsync();

        properties.Transports.Should().Equal("cxgb4i", "iser", "tcp");
        properties.ToDictionary().Should().NotContainKey("transports", "the dictionary keeps os-brick's keys");
    }

    [Fact]
    public async Task ConnectVolumeAsync_DefaultTransport_RunsNoIfaceCommandAndUsesDefault()
    {
        using var f = new TransportFixture(o => o.Transport = "default");

        await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        f.IfaceCommands.Should().BeEmpty();
        f.IfaceUses().Should().OnlyContain(u => u.Iface == "default");
    }
}
