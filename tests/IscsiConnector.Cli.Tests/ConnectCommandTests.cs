using System.Text.Json;
using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

public sealed class ConnectCommandTests
{
    [Fact]
    public async Task Connect_PrimaryDown_FailsOverAndPrintsContractJson()
    {
        var result = await Tool.RunAsync("connect", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("type").GetString().Should().Be("block");
        json.GetProperty("path").GetString().Should().MatchRegex("^/dev/sd[a-z]+$");
        json.GetProperty("scsi_wwn").GetString().Should().StartWith("3");
        json.TryGetProperty("multipath_id", out _).Should().BeFalse("a failover attach has no multipath map");
        json.GetProperty("by_path").GetString().Should().Be("/dev/disk/by-path/ip-127.0.0.2:3260-iscsi-iqn.2010-10.org.openstack:volume-00000002-lun-1");
        json.GetProperty("elapsed_ms").GetInt64().Should().BeGreaterThan(0);
        var portals = json.GetProperty("portals").EnumerateArray().ToList();
        // The simulated host answers the reachability probe: the dead primary is found unreachable before any login
        // and listed last, as on a real host.
        portals.Select(p => p.GetProperty("portal").GetString()).Should().Equal("127.0.0.2:3260", "127.0.0.3:3260", "127.0.0.1:3260");
        portals.Select(p => p.GetProperty("outcome").GetString()).Should().Equal("logged_in", "skipped", "failed");
        portals[0].GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
        portals[2].GetProperty("error_kind").GetString().Should().Be("unreachable");
        portals[2].GetProperty("error").GetString().Should().StartWith("Unreachable: no TCP connection to 127.0.0.1:3260");
        portals.Should().AllSatisfy(p =>
        {
            p.GetProperty("iqn").GetString().Should().Be("iqn.2010-10.org.openstack:volume-00000002");
            p.GetProperty("lun").GetInt32().Should().Be(1);
            p.GetProperty("elapsed_ms").ValueKind.Should().Be(JsonValueKind.Number);
        });
    }

    [Fact]
    public async Task Connect_PrimaryDownWithoutProbe_LogsIntoItFirstAndFailsOverInTheBackendsOrder()
    {
        var result = await Tool.RunAsync("connect", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--no-probe", "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var portals = result.Json().GetProperty("portals").EnumerateArray().ToList();
        portals.Select(p => p.GetProperty("portal").GetString()).Should().Equal("127.0.0.1:3260", "127.0.0.2:3260", "127.0.0.3:3260");
        portals.Select(p => p.GetProperty("outcome").GetString()).Should().Equal("failed", "logged_in", "skipped");
        portals[0].GetProperty("error").GetString().Should().Contain("exit code 8");
        result.StderrLines.Should().ContainMatch("*Logging in to 127.0.0.1:3260*");
    }

    [Fact]
    public async Task Connect_PrimaryDown_PrintsProgressLinesOnStderrOnly()
    {
        var result = await Tool.RunAsync("connect", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--time-scale", "0");

        result.StderrLines.Should().ContainMatch("*Failing over from 127.0.0.1:3260 to 127.0.0.2:3260*")
            .And.ContainMatch("*Found sd* for LUN 1 on 127.0.0.2:3260*")
            .And.ContainMatch("*Portal 127.0.0.1:3260 * failed (LoginFailed): Unreachable*");
        result.StderrLines.Should().NotContainMatch("*Logging in to 127.0.0.1:3260*", "the probe found the primary dead: no login is started");
        result.StderrLines.Should().AllSatisfy(l => l.Should().StartWith("iscsi-connector: "));
        result.Stdout.TrimStart().Should().StartWith("{", "standard output carries only the JSON");
    }

    [Fact]
    public async Task Connect_DeadPortalInRealTimeWithoutProbe_CostsTheLoginTimeout()
    {
        // The default clock is the system's: a blackholed portal costs login_timeout x 1 attempt of real time.
        var result = await Tool.RunAsync("connect", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--login-timeout", "2", "--no-probe");

        result.ExitCode.Should().Be(0, result.ToString());
        var failed = result.Json().GetProperty("portals").EnumerateArray().Single(p => p.GetProperty("portal").GetString() == "127.0.0.1:3260");
        failed.GetProperty("exit_code").GetInt32().Should().Be(8, "its login ran and timed out");
        failed.GetProperty("elapsed_ms").GetInt64().Should().BeGreaterThanOrEqualTo(2000);
    }

    [Fact]
    public async Task Connect_DeadPortalInRealTime_CostsTheProbeTimeoutNotTheLoginTimeout()
    {
        var result = await Tool.RunAsync("connect", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--login-timeout", "30");

        result.ExitCode.Should().Be(0, result.ToString());
        var failed = result.Json().GetProperty("portals").EnumerateArray().Single(p => p.GetProperty("portal").GetString() == "127.0.0.1:3260");
        failed.GetProperty("error_kind").GetString().Should().Be("unreachable");
        failed.GetProperty("exit_code").ValueKind.Should().Be(JsonValueKind.Null, "no login was run");
        failed.GetProperty("elapsed_ms").GetInt64().Should().BeInRange(1000, 29_000, "the 1 s probe timeout of real time, far below the 30 s login timeout");
    }

    [Fact]
    public async Task Connect_MultipathOneDown_ReturnsMapWithTwoPaths()
    {
        var result = await Tool.RunAsync("connect", "--multipath", "--simulate", Samples.MultipathOneDown, "--connection-info", Samples.Multipath, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("path").GetString().Should().Be("/dev/dm-0");
        json.GetProperty("multipath_id").GetString().Should().Be(json.GetProperty("scsi_wwn").GetString());
        json.TryGetProperty("by_path", out _).Should().BeFalse("udev makes by-path links for single paths only");
        json.GetProperty("devices").GetArrayLength().Should().Be(2);
        json.GetProperty("portals").EnumerateArray().Select(p => p.GetProperty("outcome").GetString())
            .Should().BeEquivalentTo(["logged_in", "logged_in", "failed"]);
    }

    [Fact]
    public async Task Connect_HealthySingleFromStdin_Attaches()
    {
        var info = await File.ReadAllTextAsync(Path.Combine(Tool.RepositoryRoot, Samples.Single));

        var result = await Tool.RunWithInputAsync(info, "connect", "--simulate", Samples.HealthySingle, "--connection-info", "-", "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json().GetProperty("portals")[0].GetProperty("outcome").GetString().Should().Be("logged_in");
    }

    [Fact]
    public async Task Connect_WrongChap_ExitsFourWithAuthenticationErrorPerPortal()
    {
        var result = await Tool.RunAsync("connect", "--simulate", Samples.WrongChap, "--connection-info", Samples.Chap, "--time-scale", "0");

        result.ExitCode.Should().Be(4, result.ToString());
        var json = result.Json();
        json.GetProperty("authentication_failure").GetBoolean().Should().BeTrue();
        json.GetProperty("error").GetString().Should().Contain("CHAP");
        var portal = json.GetProperty("portals")[0];
        portal.GetProperty("outcome").GetString().Should().Be("failed");
        portal.GetProperty("failure").GetString().Should().Be("authentication_failed");
        portal.GetProperty("exit_code").GetInt32().Should().Be(24);
    }

    [Fact]
    public async Task Connect_AllPortalsDown_ExitsThreeWithWhyPerPortal()
    {
        var result = await Tool.RunAsync("connect", "--simulate", Samples.Fixture("all-portals-down.json"), "--connection-info", Samples.Failover, "--time-scale", "0");

        result.ExitCode.Should().Be(3, result.ToString());
        var json = result.Json();
        json.GetProperty("authentication_failure").GetBoolean().Should().BeFalse();
        json.GetProperty("portals").EnumerateArray().Should().HaveCount(3).And.AllSatisfy(p =>
        {
            p.GetProperty("outcome").GetString().Should().Be("failed");
            p.GetProperty("error").GetString().Should().NotBeNullOrEmpty();
        });
        result.StderrLines.Should().ContainMatch("iscsi-connector: error: *no portal produced*");
    }

    [Theory]
    [InlineData("connect")]
    [InlineData("plan")]
    public async Task Command_ChapAtEveryVerbosity_NeverPrintsTheSecret(string command)
    {
        // plan runs on a virtual clock and has no --time-scale.
        string[] clock = command == "plan" ? [] : ["--time-scale", "0"];
        var result = await Tool.RunAsync([command, "--simulate", Samples.WrongChap, "--connection-info", Samples.Chap, .. clock, "--verbose"]);

        result.Stderr.Should().Contain("node.session.auth.password -v ***", "the trace shows the command with the secret masked");
        result.Stdout.Should().NotContain(Samples.ChapPassword);
        result.Stderr.Should().NotContain(Samples.ChapPassword);
    }
}
