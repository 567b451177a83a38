using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using static IscsiConnector.Tests.Testing.TestBed;

namespace IscsiConnector.Tests.Testing;

public class SimulatedIscsiHostIscsiAdmTests
{
    [Theory]
    [InlineData(new[] { "-m", "session" }, 21, "iscsiadm: No active sessions.\n")]
    [InlineData(new[] { "-m", "node" }, 21, "iscsiadm: No records found\n")]
    [InlineData(new[] { "-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "--login" }, 21, "iscsiadm: No records found\n")]
    [InlineData(new[] { "-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "--logout" }, 21, "iscsiadm: No matching sessions found\n")]
    [InlineData(new[] { "-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "delete" }, 21, "iscsiadm: No records found\n")]
    [InlineData(new[] { "-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "update", "-n", "node.startup", "-v", "automatic" }, 21, "iscsiadm: No records found\n")]
    [InlineData(new[] { "-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "show" }, 21, "iscsiadm: No records found\n")]
    [InlineData(new[] { "-m", "discoverydb", "-t", "sendtargets", "-p", "127.0.0.1:3260", "-o", "update", "-n", "discovery.sendtargets.auth.authmethod", "-v", "CHAP" }, 6, "iscsiadm: Discovery record [127.0.0.1,3260] not found.\n")]
    public async Task Iscsiadm_EmptyHost_ExitCodesAndTextsOfRealIscsiadm(string[] args, int exitCode, string stderr)
    {
        var host = CaptureHost();

        var result = await host.Iscsiadm(args);

        result.ExitCode.Should().Be(exitCode);
        result.StandardError.Should().Be(stderr);
    }

    [Fact]
    public async Task Update_SeveralPairsInOneCall_AllApplied()
    {
        var host = CaptureHost();
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "new");

        var result = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "update",
            "-n", "node.session.scan", "-v", "manual", "-n", "node.conn[0].timeo.login_timeout", "-v", "2", "-n", "node.startup", "-v", "automatic");

        result.ExitCode.Should().Be(0);
        host.NodeRecords.Single().Settings.Should().Contain(new Dictionary<string, string>
        {
            ["node.session.scan"] = "manual",
            ["node.conn[0].timeo.login_timeout"] = "2",
            ["node.startup"] = "automatic",
        });
    }

    [Fact]
    public async Task Update_UnknownKey_Exit7AndNothingChanges()
    {
        var host = CaptureHost();
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "new");

        var result = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "update", "-n", "node.startup", "-v", "automatic", "-n", "node.bogus", "-v", "1");

        result.ExitCode.Should().Be(7);
        result.StandardError.Should().Contain("node.bogus");
        host.NodeRecords.Single().Settings["node.startup"].Should().Be("manual");
    }

    [Fact]
    public async Task Show_ChapRecord_MasksThePassword()
    {
        var host = CaptureHost();
        await host.Iscsiadm("-m", "node", "-T", Chap, "-p", "127.0.0.1:3260", "-o", "new");
        await host.Iscsiadm("-m", "node", "-T", Chap, "-p", "127.0.0.1:3260", "-o", "update",
            "-n", "node.session.auth.authmethod", "-v", "CHAP", "-n", "node.session.auth.username", "-v", "chapuser", "-n", "node.session.auth.password", "-v", "chapsecret123");

        var show = await host.Iscsiadm("-m", "node", "-T", Chap, "-p", "127.0.0.1:3260", "-o", "show");

        show.StandardOutput.Should().Contain("node.session.auth.authmethod = CHAP\nnode.session.auth.username = chapuser\nnode.session.auth.password = ********\nnode.session.auth.username_in = <empty>\n");
        show.StandardOutput.Should().NotContain("chapsecret123");
        show.StandardOutput.Should().StartWith("# BEGIN RECORD 2.1.8\nnode.name = " + Chap + "\n");
    }

    [Fact]
    public async Task Login_Chap_WrongThenRightPassword_24Then0AndSessionIdsConsumed()
    {
        var host = CaptureHost();
        await host.Iscsiadm("-m", "discovery", "-t", "st", "-p", "127.0.0.1:3260");
        await host.Iscsiadm("-m", "node", "-T", Chap, "-p", "127.0.0.1:3260", "-o", "update", "-n", "node.session.auth.authmethod", "-v", "CHAP", "-n", "node.session.auth.username", "-v", "chapuser", "-n", "node.session.auth.password", "-v", "wrong-password");

        var wrong = await host.Iscsiadm("-m", "node", "-T", Chap, "-p", "127.0.0.1:3260", "--login");
        await host.Iscsiadm("-m", "node", "-T", Chap, "-p", "127.0.0.1:3260", "-o", "update", "-n", "node.session.auth.password", "-v", "chapsecret123");
        var right = await host.Iscsiadm("-m", "node", "-T", Chap, "-p", "127.0.0.1:3260", "--login");

        wrong.ExitCode.Should().Be(24);
        right.ExitCode.Should().Be(0);
        host.Sessions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = 2, Username = "chapuser", HostNumber = 1 }, "the failed login used up session 1 and host 0");
        host.ReadAllText("/sys/class/iscsi_session/session2/username").Should().Be("chapuser\n");
    }

    [Fact]
    public async Task Login_MutualChap_NeedsTheTargetSecretToo()
    {
        var host = new SimulatedIscsiHost(new SimulatedTimeProvider())
            .AddTarget("iqn.2026-01.test:m").WithTargetChap("iqn.2026-01.test:m", "u", "p", "target-user", "target-secret")
            .AddPortal("127.0.0.1");
        await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:m", "-p", "127.0.0.1", "-o", "new");
        await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:m", "-p", "127.0.0.1", "-o", "update", "-n", "node.session.auth.authmethod", "-v", "CHAP", "-n", "node.session.auth.username", "-v", "u", "-n", "node.session.auth.password", "-v", "p");

        var oneWay = await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:m", "-p", "127.0.0.1", "--login");
        await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:m", "-p", "127.0.0.1", "-o", "update", "-n", "node.session.auth.username_in", "-v", "target-user", "-n", "node.session.auth.password_in", "-v", "target-secret");
        var mutual = await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:m", "-p", "127.0.0.1", "--login");

        oneWay.ExitCode.Should().Be(24);
        mutual.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Login_PortalDoesNotExposeTarget_Exit19()
    {
        var host = new SimulatedIscsiHost(new SimulatedTimeProvider())
            .AddTarget("iqn.2026-01.test:a").AddTarget("iqn.2026-01.test:b")
            .AddPortal("127.0.0.1", PortalState.Up, "iqn.2026-01.test:a");
        await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:b", "-p", "127.0.0.1", "-o", "new");

        var result = await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:b", "-p", "127.0.0.1", "--login");
        var discovery = await host.Iscsiadm("-m", "discovery", "-t", "st", "-p", "127.0.0.1");

        result.ExitCode.Should().Be(19);
        result.StandardError.Should().Contain("(19 - encountered non-retryable iSCSI login failure)");
        discovery.StandardOutput.Should().Be("127.0.0.1:3260,1 iqn.2026-01.test:a\n");
    }

    [Fact]
    public async Task Delete_RecordWithSession_Exit15AndKept()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260");

        var result = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "delete");

        result.ExitCode.Should().Be(15);
        host.NodeRecords.Should().Contain(n => n.TargetIqn == Disk1 && n.Portal == "127.0.0.1:3260");
    }

    [Fact]
    public async Task Iface_DefaultAndIser_ListedLikeTheCaptureAndUnknownIsExit6()
    {
        var host = CaptureHost();

        var list = await host.Iscsiadm("-m", "iface");
        var show = await host.Iscsiadm("-m", "iface", "-I", "iser", "-o", "show");
        var unknown = await host.Iscsiadm("-m", "iface", "-I", "bnx2i.00:11", "-o", "show");

        list.StandardOutput.Should().Be("default tcp,<empty>,<empty>,<empty>,<empty>\niser iser,<empty>,<empty>,<empty>,<empty>\n");
        show.StandardOutput.Should().Contain("iface.transport_name = iser\n");
        unknown.ExitCode.Should().Be(6, "os-brick reads exit 6 as 'iface file not found'");
    }

    [Fact]
    public async Task Login_WithIserIface_RecordsTheIfaceOnRecordAndSession()
    {
        var host = CaptureHost();
        var created = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.2:3260", "-I", "iser", "-o", "new");

        var defaultIface = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.2:3260", "-I", "default", "--login");
        var login = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.2:3260", "-I", "iser", "--login");
        var sessions = await host.Iscsiadm("-m", "session");

        created.StandardOutput.Should().Be($"New iSCSI node [iser:[hw=,ip=,net_if=,iscsi_if=iser] 127.0.0.2,3260,-1 {Disk1}] added\n");
        defaultIface.ExitCode.Should().Be(21, "records are keyed by iface too");
        login.StandardOutput.Should().StartWith($"Logging in to [iface: iser, target: {Disk1}, portal: 127.0.0.2,3260]\n");
        sessions.StandardOutput.Should().Be($"iser: [1] 127.0.0.2:3260,1 {Disk1} (non-flash)\n");
        host.ReadAllText("/sys/class/iscsi_session/session1/ifacename").Should().Be("iser\n");
    }

    [Fact]
    public async Task Ipv6Portal_BracketedInput_BracketedListingsAndUnbracketedSysfs()
    {
        var host = new SimulatedIscsiHost(new SimulatedTimeProvider()).AddTarget("iqn.2026-01.test:v6").AddPortal("[::1]:3260");

        var discovery = await host.Iscsiadm("-m", "discovery", "-t", "st", "-p", "[::1]:3260");
        var login = await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:v6", "-p", "[::1]:3260", "--login");
        var sessions = await host.Iscsiadm("-m", "session");

        discovery.StandardOutput.Should().Be("[::1]:3260,1 iqn.2026-01.test:v6\n");
        login.StandardOutput.Should().Contain("portal: ::1,3260]");
        sessions.StandardOutput.Should().Be("tcp: [1] [::1]:3260,1 iqn.2026-01.test:v6 (non-flash)\n");
        host.ReadAllText("/sys/class/iscsi_connection/connection1:0/persistent_address").Should().Be("::1\n");
        host.Exists("/dev/disk/by-path/ip-::1:3260-iscsi-iqn.2026-01.test:v6-lun-1").Should().BeTrue();
    }

    [Fact]
    public async Task Discoverydb_WithDiscoveryChap_NeedsTheStoredCredentials()
    {
        var host = CaptureHost().WithDiscoveryChap("127.0.0.2:3260", "disc", "discsecret");
        string[] db = ["-m", "discoverydb", "-t", "sendtargets", "-p", "127.0.0.2:3260", "-I", "default"];

        var plain = await host.Iscsiadm("-m", "discovery", "-t", "sendtargets", "-p", "127.0.0.2:3260");
        var created = await host.Iscsiadm([.. db, "--op", "new"]);
        await host.Iscsiadm([.. db, "--op", "update", "-n", "discovery.sendtargets.auth.authmethod", "-v", "CHAP", "-n", "discovery.sendtargets.auth.username", "-v", "disc", "-n", "discovery.sendtargets.auth.password", "-v", "discsecret"]);
        var discovered = await host.Iscsiadm([.. db, "--discover"]);

        plain.ExitCode.Should().Be(24, "plain discovery mode starts from defaults without CHAP");
        created.StandardOutput.Should().Be("New discovery record for [127.0.0.2,3260] added.\n");
        discovered.ExitCode.Should().Be(0);
        discovered.StandardOutput.Should().Be($"127.0.0.2:3260,1 {Disk1}\n127.0.0.2:3260,1 {Chap}\n");
        host.NodeRecords.Should().HaveCount(2).And.OnlyContain(n => n.Tpgt == 1);
    }

    [Fact]
    public async Task SessionRescan_UnknownSid_Exit22AndKnownSidPrintsRescanning()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260");

        var unknown = await host.Iscsiadm("-m", "session", "-r", "9", "--rescan");
        var known = await host.Iscsiadm("-m", "session", "-r", "1", "--rescan");

        unknown.ExitCode.Should().Be(22);
        known.StandardOutput.Should().Be($"Rescanning session [sid: 1, target: {Disk1}, portal: 127.0.0.1,3260]\n");
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    public async Task Iscsiadm_UnknownOption_Exit7(string option)
    {
        var host = CaptureHost();

        var result = await host.Iscsiadm("-m", "session", option);

        result.ExitCode.Should().Be(7);
    }

    [Fact]
    public async Task UnknownProgram_Exit127CommandNotFound()
    {
        var host = CaptureHost();

        var result = await host.Run("lsblk", "-o", "NAME");

        result.ExitCode.Should().Be(127);
        result.StandardError.Should().StartWith("lsblk: command not found");
        host.ProcessStartCount.Should().Be(1);
    }
}
