using IscsiConnector.Testing.Simulation;
using static IscsiConnector.Tests.Testing.TestBed;

namespace IscsiConnector.Tests.Testing;

public class SimulatedIscsiHostMultipathTests
{
    [Fact]
    public async Task FindMultipathsYes_SecondPathCreatesTheMapLikeTheCapture()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260");
        var afterOnePath = host.MultipathMaps.Count;

        await LoginDisk1(host, "127.0.0.2:3260");

        afterOnePath.Should().Be(0);
        var map = host.MultipathMaps.Should().ContainSingle().Subject;
        map.Should().BeEquivalentTo(new { Name = "mpatha", DmName = "dm-0", Uuid = "mpath-360000000000000000e00000000010001", SizeBytes = 64L << 20 });
        map.Paths.Should().Equal("sda", "sdb");
        host.ListDirectory("/sys/block/dm-0/slaves").Should().Equal("sda", "sdb");
        host.ReadAllText("/sys/block/dm-0/dm/name").Should().Be("mpatha\n");
        host.ReadAllText("/sys/block/dm-0/dm/uuid").Should().Be("mpath-360000000000000000e00000000010001\n");
        host.ListDirectory("/sys/block/sda/holders").Should().Equal("dm-0");
        host.ResolvePath("/dev/mapper/mpatha").Should().Be("/dev/dm-0");
        host.ResolvePath("/sys/block/sdb/holders/dm-0").Should().Be("/sys/devices/virtual/block/dm-0");
        host.ResolvePath("/dev/disk/by-id/dm-uuid-mpath-360000000000000000e00000000010001").Should().Be("/dev/dm-0");
        (await host.Run("blockdev", "--getsize64", "/dev/mapper/mpatha")).StandardOutput.Should().Be("67108864\n");
    }

    [Fact]
    public async Task OnePathLoggedOut_MapSurvivesAndPathComesBackOnRelogin()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");

        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.2:3260", "--logout");
        var oneLeft = host.MultipathMaps.Single().Paths;
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.2:3260", "--login");

        oneLeft.Should().Equal("sda");
        host.MultipathMaps.Single().Paths.Should().Equal("sda", "sdb");
    }

    [Fact]
    public async Task MultipathFlush_RemovesTheMapButKeepsThePaths()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");

        var flush = await host.Run("multipath", "-f", "mpatha");
        var again = await host.Run("multipath", "-f", "mpatha");

        flush.ExitCode.Should().Be(0);
        again.ExitCode.Should().Be(1);
        host.MultipathMaps.Should().BeEmpty();
        host.Exists("/dev/mapper/mpatha").Should().BeFalse();
        host.ListDirectory("/sys/block/sda/holders").Should().BeEmpty();
        host.Devices.Where(d => d.DiskName != null).Should().HaveCount(2);
    }

    [Fact]
    public async Task MakeMapBusy_FlushFailsNTimesThenWorks()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");
        host.MakeMapBusy("mpatha", times: 2);

        var results = new List<(int, string)>();
        for (var i = 0; i < 3; i++)
        {
            var r = await host.Run("multipath", "-f", "mpatha");
            results.Add((r.ExitCode, r.StandardError));
        }

        results.Should().Equal((1, "mpatha: map in use\n"), (1, "mpatha: map in use\n"), (0, ""));
        host.MultipathMaps.Should().BeEmpty();
    }

    [Fact]
    public async Task LastPathGone_MultipathdRemovesTheMap()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");

        host.WriteAllText("/sys/block/sda/device/delete", "1");
        host.WriteAllText("/sys/block/sdb/device/delete", "1");

        host.MultipathMaps.Should().BeEmpty();
    }

    [Fact]
    public async Task WithoutUdev_MultipathdSeesNoPaths()
    {
        var host = CaptureHost();
        host.Udev = false;

        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");
        var add = await host.Run("multipathd", "add", "path", "/dev/sda");

        host.MultipathMaps.Should().BeEmpty("captured: without udevd, multipath -v3 reports 'no paths'");
        add.ExitCode.Should().Be(1);
    }

    [Theory]
    [InlineData(FindMultipathsMode.No, 1)]
    [InlineData(FindMultipathsMode.Yes, 0)]
    [InlineData(FindMultipathsMode.Strict, 0)]
    public async Task FindMultipaths_SinglePath_MapOnlyWithNo(FindMultipathsMode mode, int maps)
    {
        var host = CaptureHost();
        host.FindMultipaths = mode;

        await LoginDisk1(host, "127.0.0.1:3260");

        host.MultipathMaps.Should().HaveCount(maps);
    }

    [Fact]
    public async Task FindMultipathsStrict_MultipathdAddPath_CreatesTheMapAndRemembersTheWwid()
    {
        var host = CaptureHost();
        host.FindMultipaths = FindMultipathsMode.Strict;
        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");
        var before = host.MultipathMaps.Count;

        var add = await host.Run("multipathd", "add", "path", "/dev/sda");
        await host.Run("multipath", "-f", "mpatha");
        await host.Iscsiadm("-m", "session", "-u");
        await LoginDisk1(host, "127.0.0.1:3260");

        before.Should().Be(0);
        add.StandardOutput.Should().Be("ok\n");
        host.MultipathMaps.Should().ContainSingle("the wwids file now knows the WWID").Which.Name.Should().Be("mpatha", "the bindings file keeps the name");
    }

    [Fact]
    public async Task Multipathd_NotRunning_StatusFailsAndNoMaps()
    {
        var host = CaptureHost();
        host.MultipathdRunning = false;

        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");
        var status = await host.Run("multipathd", "show", "status");

        status.ExitCode.Should().NotBe(0);
        host.MultipathMaps.Should().BeEmpty();
    }

    [Fact]
    public async Task ResizeMap_AfterPathRescans_GrowsTheMap()
    {
        var host = CaptureHost();
        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");
        host.ResizeLun(Disk1, 1, 128L << 20);

        await host.Iscsiadm("-m", "session", "-r", "1", "--rescan");
        await host.Iscsiadm("-m", "session", "-r", "2", "--rescan");
        var resize = await host.Run("multipathd", "resize", "map", "mpatha");

        resize.ExitCode.Should().Be(0);
        host.MultipathMaps.Single().SizeBytes.Should().Be(128L << 20);
        host.ReadAllText("/sys/block/dm-0/size").Should().Be("262144\n");
    }

    [Fact]
    public async Task UserFriendlyNamesOff_MapNamedByScsiId()
    {
        var host = CaptureHost();
        host.UserFriendlyNames = false;

        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");

        host.MultipathMaps.Single().Name.Should().Be("360000000000000000e00000000010001");
    }
}
