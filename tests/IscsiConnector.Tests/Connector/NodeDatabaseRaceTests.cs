using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

/// <summary>
/// open-iscsi's node database under concurrent iscsiadm processes. Seen on the real kernel (tests/system
/// scenario 7, eight detaches at once): "-o delete" of one target failed with exit 6 because another
/// process deleted a different target's record while iscsiadm walked the tree.
/// </summary>
public sealed class NodeDatabaseRaceTests
{
    private const string Stderr =
        "iscsiadm: iface iter could not stat /etc/iscsi/nodes/iqn.2024-01.test.testbed:vol5/127.0.0.1,3260.\n" +
        "iscsiadm: Could not execute operation on all records: encountered iSCSI database failure";

    private static ConnectorFixture Rig()
    {
        var f = new ConnectorFixture();
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        return f;
    }

    private static ConnectionInfo Single => Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1}""");

    [Fact]
    public async Task DisconnectVolumeAsync_NodeDeleteHitsAConcurrentWalk_RetriesAndEndsClean()
    {
        using var rig = Rig();
        var attachment = await rig.Connector.ConnectVolumeAsync(Single);
        rig.Host.InjectFailure("iscsiadm", ["-m", "node", "-T", Iqn, "-p", "127.0.0.1:3260", "-I", "default", "-o", "delete"], times: 1, exitCode: 6, standardError: Stderr);

        var result = await rig.Connector.DisconnectVolumeAsync(Single, attachment);

        result.IsClean.Should().BeTrue(string.Join("; ", result.Problems));
        rig.Count("iscsiadm", "delete").Should().Be(2, "the first delete met exit 6 and was retried");
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_NodeUpdateHitsAConcurrentWalk_RetriesAndAttaches()
    {
        using var rig = Rig();
        rig.Host.InjectFailure("iscsiadm", ["-m", "node", "-T", Iqn, "-p", "127.0.0.1:3260", "-I", "default", "-o", "update"], times: 1, exitCode: 6, standardError: Stderr);

        var attachment = await rig.Connector.ConnectVolumeAsync(Single);

        attachment.Portals.Single().Outcome.Should().Be(LoginOutcome.LoggedIn);
        rig.Count("iscsiadm", "update").Should().Be(3, "the settings update (retried once) and node.startup=automatic after the login");
    }
}
