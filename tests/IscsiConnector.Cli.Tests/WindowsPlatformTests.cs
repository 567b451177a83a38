using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

/// <summary>The tool with <c>--platform windows</c>: the same commands and JSON over the simulated Windows initiator (docs/windows.md).</summary>
public sealed class WindowsPlatformTests
{
    [Fact]
    public async Task Connect_PlatformWindowsSimulated_FailsOverAndAttachesAPhysicalDrive()
    {
        var result = await Tool.RunAsync("connect", "--platform", "windows", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("path").GetString().Should().MatchRegex(@"^\\\\\.\\PhysicalDrive[1-9][0-9]*$");
        json.GetProperty("portals")[0].GetProperty("outcome").GetString().Should().Be("failed");
        json.GetProperty("portals")[1].GetProperty("outcome").GetString().Should().Be("logged_in");
        result.StderrLines.Should().ContainMatch("*simulated Windows host*");
    }

    [Fact]
    public async Task Disconnect_PlatformWindowsWithDeviceInfo_LogsOutAndExitsZero()
    {
        var connect = await Tool.RunAsync("connect", "--platform", "windows", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--time-scale", "0");
        connect.ExitCode.Should().Be(0, connect.ToString());
        var deviceInfo = Samples.WriteTemp("device-info-windows.json", connect.Stdout);

        var result = await Tool.RunAsync("disconnect", "--platform", "windows", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--device-info", deviceInfo, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("clean").GetBoolean().Should().BeTrue();
        json.GetProperty("logged_out").EnumerateArray().Select(p => p.GetProperty("portal").GetString()).Should().Equal("127.0.0.2:3260");
    }

    [Fact]
    public async Task Connect_UnknownPlatform_IsAUsageError()
    {
        var result = await Tool.RunAsync("connect", "--platform", "beos", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--time-scale", "0");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("--platform");
    }
}
