using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

/// <summary>
/// With --simulate, disconnect starts from a host where the volume is attached (the tool attaches it quietly first,
/// since simulated state does not outlive a process; see docs/cli.md).
/// </summary>
public sealed class DisconnectCommandTests
{
    [Fact]
    public async Task Disconnect_WithDeviceInfoFromConnect_RemovesEverythingAndExitsZero()
    {
        var connect = await Tool.RunAsync("connect", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--time-scale", "0");
        connect.ExitCode.Should().Be(0, connect.ToString());
        var deviceInfo = Samples.WriteTemp("device-info.json", connect.Stdout);

        var result = await Tool.RunAsync("disconnect", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--device-info", deviceInfo, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("clean").GetBoolean().Should().BeTrue();
        json.GetProperty("removed_devices").EnumerateArray().Select(d => d.GetString()).Should().Equal(connect.Json().GetProperty("devices")[0].GetProperty("name").GetString());
        json.GetProperty("logged_out").EnumerateArray().Select(p => p.GetProperty("portal").GetString()).Should().Equal("127.0.0.2:3260");
        json.GetProperty("problems").GetArrayLength().Should().Be(0);
        result.StderrLines.Should().ContainMatch("*Logged out of 127.0.0.2:3260*");
    }

    [Fact]
    public async Task Disconnect_OsBrickDeviceInfoOnly_MapsBackAndExitsZero()
    {
        var deviceInfo = Samples.WriteTemp("device-info.json", """{"type":"block","path":"/dev/dm-0","scsi_wwn":"360000000000000000e00000000030001","multipath_id":"360000000000000000e00000000030001"}""");

        var result = await Tool.RunAsync("disconnect", "--multipath", "--simulate", Samples.MultipathOneDown, "--connection-info", Samples.Multipath, "--device-info", deviceInfo, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("flushed_multipath").GetString().Should().Be("mpatha");
        json.GetProperty("removed_devices").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Disconnect_DeviceInfoOfAnotherVolume_ExitsNineAndRemovesNothing()
    {
        // The attachment names a WWID the volume's disk does not have (a stale device_info, a LUN the backend reassigned).
        var deviceInfo = Samples.WriteTemp("device-info.json", """{"type":"block","path":"/dev/sda","scsi_wwn":"36000000000000000000000000000dead"}""");

        var result = await Tool.RunAsync("disconnect", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--device-info", deviceInfo, "--time-scale", "0");

        result.ExitCode.Should().Be(9, result.ToString());
        var json = result.Json();
        json.GetProperty("expected_wwid").GetString().Should().Be("36000000000000000000000000000dead");
        json.GetProperty("actual_wwid").GetString().Should().NotBeNullOrEmpty().And.NotBe("36000000000000000000000000000dead");
        result.StderrLines.Should().NotContainMatch("*Logged out*");
        result.StderrLines.Last().Should().StartWith("iscsi-connector: error: Refusing to disconnect");
    }

    [Fact]
    public async Task Disconnect_MapStaysBusy_ExitsFiveListingWhatIsLeft()
    {
        var result = await Tool.RunAsync("disconnect", "--multipath", "--simulate", Samples.Fixture("map-busy.json"), "--connection-info", Samples.Multipath, "--time-scale", "0");

        result.ExitCode.Should().Be(5, result.ToString());
        var json = result.Json();
        json.GetProperty("clean").GetBoolean().Should().BeFalse();
        json.GetProperty("problems")[0].GetString().Should().Contain("map in use");
        json.GetProperty("error").GetString().Should().NotBeNullOrEmpty();
        result.StderrLines.Last().Should().StartWith("iscsi-connector: error: the disconnect left 1 problem(s) behind");
    }

    [Fact]
    public async Task Disconnect_FlushFailsWithForceAndIgnoreErrors_CleansUpButExitsFive()
    {
        var result = await Tool.RunAsync("disconnect", "--force", "--ignore-errors", "--simulate", Samples.Fixture("flush-fails.json"), "--connection-info", Samples.Single, "--time-scale", "0");

        result.ExitCode.Should().Be(5, result.ToString());
        var json = result.Json();
        json.GetProperty("removed_devices").EnumerateArray().Select(d => d.GetString()).Should().Equal("sda");
        json.GetProperty("logged_out").GetArrayLength().Should().Be(1);
        json.GetProperty("problems")[0].GetString().Should().Contain("Flushing /dev/sda failed");
        json.GetProperty("error").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "with --ignore-errors the problems are returned, not thrown");
    }

    [Fact]
    public async Task Disconnect_NothingAttached_SucceedsAndSaysSo()
    {
        // Every portal down: the quiet set-up attach fails, so the host has nothing of this volume.
        var result = await Tool.RunAsync("disconnect", "--simulate", Samples.Fixture("all-portals-down.json"), "--connection-info", Samples.Failover, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json().GetProperty("was_connected").GetBoolean().Should().BeFalse();
    }
}
