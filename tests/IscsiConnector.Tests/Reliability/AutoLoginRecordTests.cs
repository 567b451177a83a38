using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Reliability;

/// <summary>
/// Issue 12, item 4: a record is marked <c>node.startup = automatic</c> only after its login succeeded (as os-brick
/// does), so an attach killed before that leaves nothing iscsid would log in to at the next boot; and a record such
/// an attach left behind is cleaned by the next disconnect of the volume.
/// </summary>
public sealed class AutoLoginRecordTests
{
    [Fact]
    public async Task ConnectVolumeAsync_WhileLoggingIn_RecordIsStillManual()
    {
        var hooks = default(CommandHooks);
        using var f = new ConnectorFixture(executor: e => hooks = new CommandHooks(e));
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        string? startupAtLogin = null;
        hooks!.Before = command =>
        {
            if (command.ArgumentValues.Contains("--login"))
            {
                startupAtLogin = f.Host.NodeRecords.Single().Settings["node.startup"];
            }
        };

        await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        startupAtLogin.Should().Be("manual", "a SIGKILL during the login must not leave a record iscsid logs in to at boot");
        f.Host.NodeRecords.Single().Settings["node.startup"].Should().Be("automatic", "after the login the session should come back after a reboot");
    }

    [Fact]
    public async Task ConnectVolumeAsync_LoginFails_NoAutomaticRecordIsLeft()
    {
        using var f = new ConnectorFixture();
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        f.Host.InjectFailure("iscsiadm", ["-m", "node", "-T", Iqn, "-p", "127.0.0.1:3260", "-I", "default", "--login"], 1, 24, "iscsiadm: Login failed to authenticate with target\n");

        await FluentActions.Awaiting(() => f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") })).Should().ThrowAsync<VolumeAttachException>();

        f.Host.NodeRecords.Should().BeEmpty();
    }

    [Fact]
    public async Task DisconnectVolumeAsync_RecordLeftByAKilledAttach_IsDeleted()
    {
        using var f = new ConnectorFixture();
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");

        // What an attach SIGKILLed between "-o new/-o update" and the login leaves: a record, no session.
        await f.AdminAsync("-m", "node", "-T", Iqn, "-p", "127.0.0.1:3260", "-I", "default", "-o", "new");
        await f.AdminAsync("-m", "node", "-T", Iqn, "-p", "127.0.0.1:3260", "-I", "default", "-o", "update", "-n", "node.startup", "-v", "manual", "-n", "node.session.scan", "-v", "manual");

        await f.Connector.DisconnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        f.Host.NodeRecords.Should().BeEmpty("the volume's own left-over record is removed by its next disconnect");
    }
}
