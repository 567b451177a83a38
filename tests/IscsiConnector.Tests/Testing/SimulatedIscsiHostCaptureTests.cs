using IscsiConnector.Testing;
using static IscsiConnector.Tests.Testing.TestBed;

namespace IscsiConnector.Tests.Testing;

/// <summary>Replays commands from the captured real run and compares output byte for byte (Fixtures/simulated-host).</summary>
public class SimulatedIscsiHostCaptureTests
{
    [Fact]
    public async Task Discovery_HealthyPortal_PrintsTheCapturedLines()
    {
        var host = CaptureHost();

        var result = await host.Iscsiadm("-m", "discovery", "-t", "st", "-p", "127.0.0.1:3260");

        result.ExitCode.Should().Be(0);
        result.StandardOutput.Should().Be(Fixture("discovery-127.0.0.1.stdout"));
    }

    [Fact]
    public async Task Login_Healthy_PrintsTheCapturedStdout()
    {
        var host = CaptureHost();
        await host.Iscsiadm("-m", "discovery", "-t", "st", "-p", "127.0.0.1:3260");

        var result = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "--login");

        result.ExitCode.Should().Be(0);
        result.StandardOutput.Should().Be(Fixture("login-disk1-127.0.0.1.stdout"));
        result.StandardError.Should().BeEmpty();
    }

    [Fact]
    public async Task Login_AlreadyLoggedIn_Exit15WithCapturedStderr()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260");

        var result = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "--login");

        result.ExitCode.Should().Be(15);
        result.StandardOutput.Should().BeEmpty();
        result.StandardError.Should().Be(Fixture("login-already-present.stderr"));
    }

    [Fact]
    public async Task Session_TwoSessions_ListedLikeTheCapture()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");

        var result = await host.Iscsiadm("-m", "session");

        result.StandardOutput.Should().Be(Fixture("session-two.stdout"));
    }

    [Fact]
    public async Task Logout_Session1_PrintsTheCapturedStdout()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260");

        var result = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "--logout");

        result.ExitCode.Should().Be(0);
        result.StandardOutput.Should().Be(Fixture("logout-sid1.stdout"));
    }

    [Fact]
    public async Task Login_ChapTargetWithoutCredentials_Exit24WithCapturedTexts()
    {
        var host = CaptureHost();
        await host.Iscsiadm("-m", "discovery", "-t", "st", "-p", "127.0.0.1:3260");

        var result = await host.Iscsiadm("-m", "node", "-T", Chap, "-p", "127.0.0.1:3260", "--login");

        result.ExitCode.Should().Be(24);
        result.StandardOutput.Should().Be(Fixture("login-chap-denied.stdout"));
        result.StandardError.Should().Be(Fixture("login-chap-denied.stderr"));
    }

    [Fact]
    public async Task NodeList_StaticAndDiscoveredRecords_MatchTheCapture()
    {
        // Capture state at that point: discovered on .1 and .2, disk1@.1 deleted, two static records added.
        var host = CaptureHost();
        await host.Iscsiadm("-m", "discovery", "-t", "st", "-p", "127.0.0.1:3260");
        await host.Iscsiadm("-m", "discovery", "-t", "sendtargets", "-p", "127.0.0.2");
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "delete");
        await host.Iscsiadm("-m", "node", "-o", "new", "-T", Disk1, "-p", "127.0.0.1:3261");
        var added = await host.Iscsiadm("-m", "node", "-o", "new", "-T", Disk1, "-p", "127.0.0.3:3260");

        var list = await host.Iscsiadm("-m", "node");

        added.StandardOutput.Should().Be(Fixture("new-node-127.0.0.3.stdout"));
        list.StandardOutput.Should().Be(Fixture("node-list-static.stdout"));
    }

    [Fact]
    public async Task Login_BlackholedPortal_Exit8WithCapturedTexts()
    {
        var host = CaptureHost();
        await host.Iscsiadm("-m", "node", "-o", "new", "-T", Disk1, "-p", "127.0.0.3:3260");

        var result = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.3:3260", "--login");

        result.ExitCode.Should().Be(8);
        result.StandardOutput.Should().Be(Fixture("login-dead-127.0.0.3.stdout"));
        result.StandardError.Should().Be(Fixture("login-dead-127.0.0.3.stderr"));
    }

    [Theory]
    [InlineData("127.0.0.1:3261", "discovery-refused.stderr")]
    [InlineData("127.0.0.3:3260", "discovery-blackholed.stderr")]
    public async Task Discovery_DeadPortal_Exit11WithCapturedStderr(string portal, string fixture)
    {
        var host = CaptureHost();

        var result = await host.Iscsiadm("-m", "discovery", "-t", "sendtargets", "-p", portal);

        result.ExitCode.Should().Be(11);
        result.StandardError.Should().Be(Fixture(fixture));
    }
}
