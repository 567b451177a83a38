using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using static IscsiConnector.Tests.Testing.TestBed;

namespace IscsiConnector.Tests.Testing;

public class SimulatedIscsiHostSysfsTests
{
    [Fact]
    public async Task Sysfs_AfterLogin_WalkableFromSessionToBlockDeviceAsInTheContract()
    {
        var host = CaptureHost();
        host.Udev = false;
        await LoginDisk1(host, "127.0.0.1:3260");

        host.ListDirectory("/sys/class/iscsi_session").Should().Equal("session1");
        host.ReadAllText("/sys/class/iscsi_session/session1/targetname").Should().Be(Disk1 + "\n");
        host.ReadAllText("/sys/class/iscsi_session/session1/tpgt").Should().Be("1\n");
        host.ReadAllText("/sys/class/iscsi_session/session1/state").Should().Be("LOGGED_IN\n");
        host.ReadAllText("/sys/class/iscsi_session/session1/username").Should().Be("(null)\n");
        host.ReadAllText("/sys/class/iscsi_connection/connection1:0/persistent_address").Should().Be("127.0.0.1\n");
        host.ReadAllText("/sys/class/iscsi_connection/connection1:0/persistent_port").Should().Be("3260\n");
        host.ResolvePath("/sys/class/iscsi_session/session1").Should().Be("/sys/devices/platform/host0/session1/iscsi_session/session1");
        host.ResolvePath("/sys/class/iscsi_session/session1/device").Should().Be("/sys/devices/platform/host0/session1");
        host.ListDirectory("/sys/class/iscsi_session/session1/device").Should().Contain("target0:0:0");
        host.ListDirectory("/sys/class/iscsi_session/session1/device/target0:0:0").Should().Equal("0:0:0:0", "0:0:0:1");
        host.ListDirectory("/sys/class/iscsi_session/session1/device/target0:0:0/0:0:0:0").Should().NotContain("block", "LUN 0 of tgtd is a controller");
        host.ListDirectory("/sys/class/iscsi_session/session1/device/target0:0:0/0:0:0:1/block").Should().Equal("sda");
        host.ResolvePath("/sys/block/sda/device").Should().Be("/sys/devices/platform/host0/session1/target0:0:0/0:0:0:1", "as readlink -f showed in the capture");
        host.ReadAllText("/sys/block/sda/device/wwid").Should().Be("naa.60000000000000000e00000000010001\n", "tgtd's WWID for tid 1 LUN 1, as captured");
        host.ReadAllText("/sys/block/sda/device/vendor").Should().Be("VMSPIKE \n");
        host.ReadAllText("/sys/block/sda/device/model").Should().Be("DISK1           \n");
        host.ReadAllText("/sys/block/sda/size").Should().Be("131072\n");
        host.Exists("/dev/sda").Should().BeTrue();
        host.Exists("/dev/disk/by-path").Should().BeFalse("captured: without udev there is no /dev/disk/by-path");
        host.ReadAllText("/etc/iscsi/initiatorname.iscsi").Should().Be("InitiatorName=iqn.2024-01.test.vmspike:initiator\n");
    }

    [Fact]
    public async Task ByPath_WithUdev_LinksToTheDisk()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");

        host.ListDirectory("/dev/disk/by-path").Should().Equal(
            $"ip-127.0.0.1:3260-iscsi-{Disk1}-lun-1",
            $"ip-127.0.0.2:3260-iscsi-{Disk1}-lun-1");
        host.ResolvePath($"/dev/disk/by-path/ip-127.0.0.2:3260-iscsi-{Disk1}-lun-1").Should().Be("/dev/sdb");
    }

    [Fact]
    public async Task ManualScan_NoDevicesUntilTheLunIsScanned()
    {
        var host = CaptureHost();
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "new");
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "update", "-n", "node.session.scan", "-v", "manual");
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "--login");

        var before = host.Devices;
        host.WriteAllText("/sys/class/scsi_host/host0/scan", "0 0 1");

        before.Should().BeEmpty();
        host.Devices.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Hctl = "0:0:0:1", DiskName = "sda", Lun = 1 });
        host.Exists("/sys/class/iscsi_session/session1/device/target0:0:0/0:0:0:0").Should().BeFalse("only LUN 1 was asked for");
    }

    [Fact]
    public async Task Scan_Wildcard_FindsEveryLunAndIgnoresOtherChannels()
    {
        var host = new SimulatedIscsiHost(new SimulatedTimeProvider())
            .AddTarget("iqn.2026-01.test:t", new SimulatedLun(1, 1L << 20), new SimulatedLun(2, 2L << 20))
            .AddPortal("127.0.0.1");
        await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:t", "-p", "127.0.0.1", "-o", "new");
        await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:t", "-p", "127.0.0.1", "-o", "update", "-n", "node.session.scan", "-v", "manual");
        await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:t", "-p", "127.0.0.1", "--login");

        host.WriteAllText("/sys/class/scsi_host/host0/scan", "1 0 1");
        var afterOtherChannel = host.Devices.Count;
        host.WriteAllText("/sys/class/scsi_host/host0/scan", "- - -\n");

        afterOtherChannel.Should().Be(0);
        host.Devices.Select(d => (d.Lun, d.DiskName)).Should().Equal((0, null), (1, "sda"), (2, "sdb"));
        host.Invoking(h => h.WriteAllText("/sys/class/scsi_host/host0/scan", "zero")).Should().Throw<IOException>().WithMessage("*Invalid argument*");
    }

    [Fact]
    public async Task DeviceDelete_RemovesDeviceLinkAndName_WhichIsThenReused()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260");

        host.WriteAllText("/sys/block/sda/device/delete", "1");

        host.Exists("/sys/block/sda").Should().BeFalse();
        host.Exists("/dev/sda").Should().BeFalse();
        host.Exists($"/dev/disk/by-path/ip-127.0.0.1:3260-iscsi-{Disk1}-lun-1").Should().BeFalse();
        host.Devices.Should().ContainSingle(d => d.DiskName == null, "the controller LUN stays");
        host.WriteAllText("/sys/class/scsi_host/host0/scan", "0 0 1");
        host.Devices.Should().Contain(d => d.DiskName == "sda", "sd reuses the lowest free index");
    }

    [Fact]
    public async Task ResizeLun_SizeChangesOnlyAfterRescan()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260");

        host.ResizeLun(Disk1, 1, 128L << 20);
        var before = host.ReadAllText("/sys/block/sda/size");
        var blockdevBefore = await host.Run("blockdev", "--getsize64", "/dev/sda");
        host.WriteAllText("/sys/block/sda/device/rescan", "1");

        before.Should().Be("131072\n");
        blockdevBefore.StandardOutput.Should().Be("67108864\n");
        host.ReadAllText("/sys/block/sda/size").Should().Be("262144\n");
        (await host.Run("blockdev", "--getsize64", "/dev/sda")).StandardOutput.Should().Be("134217728\n");
    }

    [Fact]
    public async Task Logout_RemovesSessionDevicesAndLinks()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260");

        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "--logout");

        host.ListDirectory("/sys/class/iscsi_session").Should().BeEmpty();
        host.Exists("/sys/block/sda").Should().BeFalse("captured: /sys/block/sda gone after logout");
        host.ListDirectory("/dev/disk/by-path").Should().BeEmpty();
        host.Leaks(includeNodeRecords: false).Should().BeEmpty();
        host.Leaks().Should().HaveCount(2, "discovery made records for both targets").And.OnlyContain(l => l.StartsWith("node record "));
    }

    [Fact]
    public void FileSystem_MissingAndReadOnlyPaths_BehaveLikeSysfs()
    {
        var host = CaptureHost();

        host.ReadAllText("/sys/class/iscsi_session/session9/state").Should().BeNull();
        host.ListDirectory("/sys/class/iscsi_session").Should().BeEmpty();
        host.ListDirectory("/nope").Should().BeEmpty();
        host.ResolvePath("/sys/block/sdz").Should().BeNull();
        host.Invoking(h => h.WriteAllText("/sys/block/sda/device/delete", "1")).Should().Throw<IOException>();
        host.Invoking(h => h.WriteAllText("/etc/iscsi/initiatorname.iscsi", "x")).Should().Throw<IOException>().WithMessage("*Permission denied*");
        host.Invoking(h => h.ReadAllText("/sys/class")).Should().Throw<IOException>();
    }

    [Fact]
    public async Task SetPortalState_PathDies_SessionFailedDevicesBlockedAndBack()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260");

        host.SetPortalState("127.0.0.1:3260", PortalState.Blackholed);
        var failed = host.ReadAllText("/sys/class/iscsi_session/session1/state");
        var deviceState = host.ReadAllText("/sys/block/sda/device/state");
        host.SetPortalState("127.0.0.1:3260", PortalState.Up);

        failed.Should().Be("FAILED\n");
        deviceState.Should().Be("blocked\n");
        host.ReadAllText("/sys/class/iscsi_session/session1/state").Should().Be("LOGGED_IN\n");
    }

    [Fact]
    public async Task DiskNames_FollowTheKernelScheme()
    {
        // Via many LUNs on one session: sda..sdz, then sdaa.
        var luns = Enumerable.Range(1, 28).Select(l => new SimulatedLun(l, 1L << 20)).ToArray();
        var host = new SimulatedIscsiHost(new SimulatedTimeProvider()).AddTarget("iqn.2026-01.test:many", luns).AddPortal("127.0.0.1");
        await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:many", "-p", "127.0.0.1", "-o", "new");
        await host.Iscsiadm("-m", "node", "-T", "iqn.2026-01.test:many", "-p", "127.0.0.1", "--login");

        var names = host.Devices.Where(d => d.DiskName != null).Select(d => d.DiskName).ToList();

        names[0].Should().Be("sda");
        names[25].Should().Be("sdz");
        names[26].Should().Be("sdaa");
        names[27].Should().Be("sdab");
    }
}
