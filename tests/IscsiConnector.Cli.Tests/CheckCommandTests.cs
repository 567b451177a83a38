using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public async Task Check_ReadyHost_PrintsEveryRequirementAndExitsZero()
    {
        var result = await Tool.RunAsync("check", "--multipath", "--simulate", Samples.Fixture("multipath-all-up.json"), "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("ready").GetBoolean().Should().BeTrue();
        json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("requirement").GetString())
            .Should().Equal("iscsiadm", "privileges", "iscsid", "initiator_name", "transport", "multipathd");
        json.GetProperty("checks").EnumerateArray().Should().OnlyContain(c => c.GetProperty("status").GetString() == "ok");
        json.GetProperty("elapsed_ms").GetInt64().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Check_MultipathdStopped_ExitsEightWithTheProblemAndItsFix()
    {
        var result = await Tool.RunAsync("check", "--multipath", "--simulate", Samples.Fixture("multipathd-stopped.json"), "--time-scale", "0");

        result.ExitCode.Should().Be(8, result.ToString());
        var multipathd = result.Json().GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("requirement").GetString() == "multipathd");
        multipathd.GetProperty("status").GetString().Should().Be("problem");
        multipathd.GetProperty("fix").GetString().Should().Contain("systemctl enable --now multipathd");
        result.StderrLines.Last().Should().StartWith("iscsi-connector: error: multipathd is not running");
    }

    [Fact]
    public async Task Check_WithoutMultipath_DoesNotAskForMultipathd()
    {
        var result = await Tool.RunAsync("check", "--simulate", Samples.Fixture("multipathd-stopped.json"), "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json().GetProperty("checks")[5].GetProperty("status").GetString().Should().Be("skipped");
    }

    [Fact]
    public async Task Check_BadRootHelper_IsAUsageErrorBeforeAnythingRuns()
    {
        var result = await Tool.RunAsync("check", "--root-helper", "sudo -n 'x'");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Last().Should().Contain("--root-helper").And.Contain("no quoting");
    }

    [Fact]
    public async Task Check_WindowsPlatform_IsAUsageError_TheCheckIsOpenIscsis()
    {
        var result = await Tool.RunAsync("check", "--platform", "windows", "--simulate", Samples.PrimaryDown, "--time-scale", "0");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Last().Should().Contain("no Windows form");
    }
}
