using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

public sealed class QueryCommandTests
{
    [Fact]
    public async Task Paths_Multipath_ListsMapThenDisks()
    {
        var result = await Tool.RunAsync("paths", "--multipath", "--simulate", Samples.MultipathOneDown, "--connection-info", Samples.Multipath, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var paths = result.Json().EnumerateArray().Select(p => p.GetString()).ToList();
        paths[0].Should().Be("/dev/dm-0", "the map comes first");
        paths.Skip(1).Should().BeEquivalentTo(["/dev/sda", "/dev/sdb"], "parallel logins name the disks in completion order");
    }

    [Fact]
    public async Task Paths_NotAttached_PrintsEmptyArray()
    {
        var result = await Tool.RunAsync("paths", "--simulate", Samples.Fixture("all-portals-down.json"), "--connection-info", Samples.Failover, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json().GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Extend_Attached_PrintsSizeBytes()
    {
        var result = await Tool.RunAsync("extend", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json().GetProperty("size_bytes").GetInt64().Should().Be(2147483648);
    }

    [Fact]
    public async Task Extend_NotAttached_ExitsThree()
    {
        var result = await Tool.RunAsync("extend", "--simulate", Samples.Fixture("all-portals-down.json"), "--connection-info", Samples.Failover, "--time-scale", "0");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Json().GetProperty("error").GetString().Should().Contain("not attached");
        result.StderrLines.Last().Should().Contain("not attached");
    }

    [Fact]
    public async Task Extend_ResizeCommandFails_ExitsOneWithOneLineAndNoJson()
    {
        var result = await Tool.RunAsync("extend", "--multipath", "--simulate", Samples.Fixture("resize-fails.json"), "--connection-info", Samples.Multipath, "--time-scale", "0");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Last().Should().Be("iscsi-connector: error: 'multipathd resize map mpatha' failed with exit code 1. Standard error: fail.");
        result.StderrLines.Should().NotContainMatch("*   at *", "no stack trace, ever");
    }

    [Fact]
    public async Task Properties_ThisHost_PrintsOsBrickKeysWithoutRunningAnything()
    {
        // Without --multipath no command runs (multipathd is only asked when multipath is wanted).
        var result = await Tool.RunAsync("properties");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("host").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("platform").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("os_type").GetString().Should().Be("linux");
        json.GetProperty("multipath").GetBoolean().Should().BeFalse();
        json.TryGetProperty("initiator", out _).Should().BeTrue();
        json.TryGetProperty("ip", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Properties_SimulatedWithMultipath_ReportsScenarioInitiatorAndMultipath()
    {
        var result = await Tool.RunAsync("properties", "--multipath", "--simulate", Samples.HealthySingle, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("initiator").GetString().Should().Be("iqn.1993-08.org.debian:01:simhost");
        json.GetProperty("multipath").GetBoolean().Should().BeTrue();
    }
}
