using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Reliability;

/// <summary>
/// Issue 12, items 6 and 10: SendTargets discovery leaves an administrator's discovery record as it was, applies every
/// discovery CHAP key given, and leaves behind no record it created — for the targets it used or any other.
/// </summary>
public sealed class DiscoveryRecordTests
{
    private const string OtherIqn = "iqn.2010-10.org.openstack:volume-2";
    private const string ThirdIqn = "iqn.2010-10.org.openstack:volume-3";

    private static ConnectorFixture Multipath() => new(o => o.UseMultipath = true);

    private static async Task<string> DiscoveryRecordAsync(ConnectorFixture f)
    {
        var show = await f.Host.ExecuteAsync(new IscsiConnector.Execution.CommandSpec("iscsiadm", "-m", "discoverydb", "-t", "sendtargets", "-p", "127.0.0.1:3260", "-I", "default", "-o", "show"));
        f.Host.ClearInvocations();
        return show.ExitCode == 0 ? show.StandardOutput : $"(none: exit {show.ExitCode})";
    }

    [Fact]
    public async Task ConnectAndDisconnect_AdministratorsDiscoveryRecord_IsLeftAsItWas()
    {
        using var f = Multipath();
        f.Host.FindMultipaths = FindMultipathsMode.No;
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        await f.AdminAsync("-m", "discoverydb", "-t", "sendtargets", "-p", "127.0.0.1:3260", "-I", "default", "-o", "new");
        await f.AdminAsync("-m", "discoverydb", "-t", "sendtargets", "-p", "127.0.0.1:3260", "-I", "default", "-o", "update",
            "-n", "discovery.sendtargets.timeo.login_timeout", "-v", "30", "-n", "discovery.sendtargets.reopen_max", "5");
        var before = await DiscoveryRecordAsync(f);
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };

        var attachment = await f.Connector.ConnectVolumeAsync(info);
        var during = await DiscoveryRecordAsync(f);
        await f.Connector.DisconnectVolumeAsync(info, attachment);

        during.Should().Be(before, "an administrator's discovery settings are not ours to change");
        (await DiscoveryRecordAsync(f)).Should().Be(before);
    }

    [Fact]
    public async Task ConnectVolumeAsync_MutualDiscoveryChap_AppliesTheTargetsCredentials()
    {
        using var f = Multipath();
        f.Host.FindMultipaths = FindMultipathsMode.No;
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        var info = new ConnectionInfo
        {
            Primary = PathOf("127.0.0.1"),
            DiscoveryChap = new ChapCredentials("disc-user", "disc-secret-1", "disc-target", "disc-secret-in"),
        };

        var attachment = await f.Connector.ConnectVolumeAsync(info);

        var settings = f.Commands.Where(c => c.ArgumentValues.Contains("discoverydb")).SelectMany(c => c.Arguments).ToList();
        settings.Select(a => a.Value).Should().Contain(["discovery.sendtargets.auth.username_in", "disc-target", "discovery.sendtargets.auth.password_in"]);
        settings.Should().Contain(a => a.Value == "disc-secret-in" && a.IsSecret);
        f.Logs.AllText.Should().NotContain("disc-secret-in");
        await f.Connector.DisconnectVolumeAsync(info, attachment);
    }

    [Fact]
    public async Task ConnectAndDisconnect_PortalAdvertisingOtherTargets_LeavesNoRecordBehind()
    {
        using var f = Multipath();
        f.Host.FindMultipaths = FindMultipathsMode.No;
        f.Host.AddTarget(Iqn).AddTarget(OtherIqn).AddTarget(ThirdIqn).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260");
        f.Host.WithSendTargetsAlsoListing("127.0.0.1:3260", "127.0.0.2:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };

        var attachment = await f.Connector.ConnectVolumeAsync(info);
        await f.Connector.DisconnectVolumeAsync(info, attachment);

        attachment.Devices.Should().HaveCount(2);
        f.Host.NodeRecords.Should().BeEmpty("discovery created records for every advertised target; none is the attach's to keep");
        (await DiscoveryRecordAsync(f)).Should().StartWith("(none", "the discovery record was created by this attach");
        f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectAndDisconnect_AdministratorsRecordForAnotherTarget_IsKept()
    {
        using var f = Multipath();
        f.Host.FindMultipaths = FindMultipathsMode.No;
        f.Host.AddTarget(Iqn).AddTarget(OtherIqn).AddPortal("127.0.0.1:3260");
        await f.AdminAsync("-m", "node", "-T", OtherIqn, "-p", "127.0.0.1:3260", "-I", "default", "-o", "new");
        await f.AdminAsync("-m", "node", "-T", OtherIqn, "-p", "127.0.0.1:3260", "-I", "default", "-o", "update", "-n", "node.session.timeo.replacement_timeout", "-v", "7");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };

        var attachment = await f.Connector.ConnectVolumeAsync(info);
        await f.Connector.DisconnectVolumeAsync(info, attachment);

        f.Host.NodeRecords.Should().ContainSingle().Which.Should().Match<SimulatedNodeRecord>(r => r.TargetIqn == OtherIqn && r.Settings["node.session.timeo.replacement_timeout"] == "7");
    }
}
