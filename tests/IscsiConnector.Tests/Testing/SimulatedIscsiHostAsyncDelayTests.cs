using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using static IscsiConnector.Tests.Testing.TestBed;

namespace IscsiConnector.Tests.Testing;

public class SimulatedIscsiHostAsyncDelayTests
{
    [Fact]
    public async Task WithAsyncDelays_DeviceLinksAndMapAppearOnlyWhenTheClockPassesThem()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time).WithAsyncDelays(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(2));
        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");
        var byPath = $"/dev/disk/by-path/ip-127.0.0.2:3260-iscsi-{Disk1}-lun-1";

        var atLogin = (Block: host.Exists("/sys/block/sdb"), Link: host.Exists(byPath), Maps: host.MultipathMaps.Count, Size: (await host.Run("blockdev", "--getsize64", "/dev/sdb")).ExitCode);
        await Task.Delay(TimeSpan.FromMilliseconds(200), time);
        var afterScan = (Block: host.Exists("/sys/block/sdb"), Link: host.Exists(byPath));
        await Task.Delay(TimeSpan.FromMilliseconds(300), time);
        var afterUdev = (Link: host.Exists(byPath), Maps: host.MultipathMaps.Count);
        await Task.Delay(TimeSpan.FromSeconds(2), time);

        atLogin.Should().Be((false, false, 0, 1));
        afterScan.Should().Be((true, false));
        afterUdev.Should().Be((true, 0));
        host.MultipathMaps.Should().ContainSingle().Which.Paths.Should().Equal("sda", "sdb");
        host.ListDirectory("/sys/block/dm-0/slaves").Should().Equal("sda", "sdb");
    }

    [Fact]
    public async Task WithAsyncDelays_PollingLoopFindsTheMapAfterTheLag()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time).WithAsyncDelays(TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1.5));
        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");
        var start = time.GetTimestamp();
        var polls = 0;

        while (!host.Exists("/dev/mapper/mpatha") && polls < 100)
        {
            polls++;
            await Task.Delay(TimeSpan.FromMilliseconds(250), time);
        }

        polls.Should().Be(7, "the second path's links came at +0.1 s and the map 1.5 s after them");
        time.GetElapsedTime(start).Should().Be(TimeSpan.FromMilliseconds(1750));
    }

    [Fact]
    public async Task WithAsyncDelays_DeviceNotYetVisible_StillCountsAsALeak()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time).WithAsyncDelays(TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.Zero);

        await LoginDisk1(host, "127.0.0.1:3260");
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "--logout");

        host.Leaks(includeNodeRecords: false).Should().BeEmpty("the logout removed the device the scan was still bringing up");
        host.Devices.Should().BeEmpty();
    }

    [Fact]
    public async Task FromScenario_DelaysMs_AreApplied()
    {
        var time = new SimulatedTimeProvider();
        var host = SimulatedIscsiHost.FromScenario("""{ "delays_ms": { "udev": 100 }, "targets": [ { "iqn": "iqn.2026-01.test:t" } ], "portals": [ { "address": "127.0.0.1" } ] }""", time);
        var bad = () => SimulatedIscsiHost.FromScenario("""{ "delays_ms": { "later": 1 } }""", time);
        const string link = "/dev/disk/by-path/ip-127.0.0.1:3260-iscsi-iqn.2026-01.test:t-lun-1";
        await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:t", "-p", "127.0.0.1", "-o", "new");
        await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:t", "-p", "127.0.0.1", "--login");

        var before = host.Exists(link);
        await Task.Delay(TimeSpan.FromMilliseconds(100), time);

        before.Should().BeFalse();
        host.Exists(link).Should().BeTrue();
        bad.Should().Throw<FormatException>().WithMessage("*delays_ms.later*");
    }
}
