using IscsiConnector.Execution;
using IscsiConnector.IscsiAdm;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Integration.Support;

namespace IscsiConnector.Tests.Integration;

/// <summary>Issue 3 end to end on the simulated host: every connection_info encoding, failover order, cleanup, timing.</summary>
public sealed class FailoverIntegrationTests
{
    internal const string Iqn = "iqn.2010-10.org.openstack:volume-1";

    public static TheoryData<string, string, string[]> Encodings => new()
    {
        {
            "single",
            """{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1}""",
            ["127.0.0.1:3260"]
        },
        {
            "target_alternative_*",
            """{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"target_alternative_portals":["127.0.0.2:3260","127.0.0.3:3260"],"target_alternative_iqns":["IQN","IQN"],"target_alternative_luns":[1,1]}""",
            ["127.0.0.1:3260", "127.0.0.2:3260", "127.0.0.3:3260"]
        },
        {
            "target_portals plural keys",
            """{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"target_portals":["127.0.0.1:3260","127.0.0.4:3260","127.0.0.5:3260"],"target_iqns":["IQN","IQN","IQN"],"target_luns":[1,1,1]}""",
            ["127.0.0.1:3260", "127.0.0.4:3260", "127.0.0.5:3260"]
        },
    };

    internal static ConnectionInfo Info(string data) =>
        ConnectionInfo.Parse($$"""{"driver_volume_type":"iscsi","data":{{data.Replace("IQN", Iqn, StringComparison.Ordinal)}}}""");

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task ConnectVolumeAsync_OnlyLastPortalUp_TriesBackendOrderAndCleansFailedPortals(string encoding, string data, string[] order)
    {
        using var rig = SimRig.Create(time =>
        {
            var host = new SimulatedIscsiHost(time).AddTarget(Iqn, new SimulatedLun(1, 1L << 30));
            for (var i = 0; i < order.Length; i++)
            {
                host.AddPortal(order[i], i == order.Length - 1 ? PortalState.Up : i % 2 == 0 ? PortalState.Blackholed : PortalState.Refusing);
            }

            return host;
        });

        var attachment = await rig.Connector.ConnectVolumeAsync(Info(data));

        rig.IscsiAdmOperations().Where(o => o.EndsWith("--login", StringComparison.Ordinal)).Select(o => o.Split(' ')[0]).Should().Equal(order, encoding);
        attachment.Path.Should().Be("/dev/sda");
        attachment.Portals.Select(p => p.Outcome).Should().Equal([.. Enumerable.Repeat(LoginOutcome.Failed, order.Length - 1), LoginOutcome.LoggedIn]);
        rig.Host.NodeRecords.Select(n => n.Portal).Should().Equal([order[^1]], "records of failed portals are deleted");
        rig.Host.Sessions.Should().ContainSingle().Which.Portal.Should().Be(order[^1]);

        var result = await rig.Connector.DisconnectVolumeAsync(Info(data), attachment);

        result.IsClean.Should().BeTrue();
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_AllPortalsDead_FailsWithOutcomesAndLeavesNothing()
    {
        using var rig = SimRig.Create(time => new SimulatedIscsiHost(time).AddTarget(Iqn)
            .AddPortal("127.0.0.1:3260", PortalState.Blackholed).AddPortal("127.0.0.2:3260", PortalState.Refusing).AddPortal("127.0.0.3:3260", PortalState.Blackholed));

        var act = () => rig.Connector.ConnectVolumeAsync(Info(Encodings.Skip(1).First()[1].ToString()!));

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Portals.Should().HaveCount(3).And.OnlyContain(p => p.Outcome == LoginOutcome.Failed && p.Failure == PortalFailureKind.LoginFailed);
        error.IsAuthenticationFailure.Should().BeFalse();
        rig.Host.Leaks().Should().BeEmpty();
        rig.Time.Elapsed.Should().Be(TimeSpan.FromSeconds(15), "three dead portals at the 5 s LoginTimeout, no retries");
    }

    [Theory]
    [InlineData(5, 0, 5)] // the connector's defaults, written into the record before the login
    [InlineData(15, 8, 135)] // iscsid.conf's defaults (login_timeout 15, initial_login_retry_max 8): ~123 s measured on the bed
    public async Task ConnectVolumeAsync_BlackholedPrimary_CostsTheConfiguredLoginTimeout(int loginTimeoutSeconds, int retryMax, int expectedSeconds)
    {
        using var rig = SimRig.Create(
            time => new SimulatedIscsiHost(time).AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Blackholed).AddPortal("127.0.0.2:3260"),
            o =>
            {
                o.LoginTimeout = TimeSpan.FromSeconds(loginTimeoutSeconds);
                o.InitialLoginRetryMax = retryMax;
                o.CommandTimeout = TimeSpan.FromMinutes(5);
            });

        var attachment = await rig.Connector.ConnectVolumeAsync(Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"target_alternative_portals":["127.0.0.2:3260"],"target_alternative_iqns":["IQN"],"target_alternative_luns":[1]}"""));

        attachment.Portals[0].Elapsed.Should().Be(TimeSpan.FromSeconds(expectedSeconds));
        attachment.Portals[0].NativeCode.Should().Be((int)IscsiAdmExitCode.TransportTimeout);
        attachment.Portals[0].ErrorKind.Should().Be(IscsiErrorKind.Unreachable);
        rig.Time.Elapsed.Should().Be(TimeSpan.FromSeconds(expectedSeconds), "the healthy alternative costs no simulated time");
    }

    [Fact]
    public async Task ConnectVolumeAsync_AdminRecordExistedAndLoginFails_RecordKept()
    {
        using var rig = SimRig.Create(time => new SimulatedIscsiHost(time).AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Refusing).AddPortal("127.0.0.2:3260"));
        string[] node = ["-m", "node", "-T", Iqn, "-p", "127.0.0.1:3260"];
        await rig.Host.ExecuteAsync(new CommandSpec("iscsiadm", [.. node, "-o", "new"]));
        await rig.Host.ExecuteAsync(new CommandSpec("iscsiadm", [.. node, "-o", "update", "-n", "node.session.cmds_max", "-v", "64"]));
        rig.Host.ClearInvocations();

        var attachment = await rig.Connector.ConnectVolumeAsync(Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"target_alternative_portals":["127.0.0.2:3260"],"target_alternative_iqns":["IQN"],"target_alternative_luns":[1]}"""));

        attachment.Portals[0].Outcome.Should().Be(LoginOutcome.Failed);
        rig.IscsiAdmOperations().Should().NotContain("127.0.0.1:3260 -o new", "the admin's record is read from /etc/iscsi/nodes and not overwritten")
            .And.NotContain("127.0.0.1:3260 -o delete");
        rig.Host.NodeRecords.Should().Contain(n => n.Portal == "127.0.0.1:3260" && n.Settings["node.session.cmds_max"] == "64");
    }
}
