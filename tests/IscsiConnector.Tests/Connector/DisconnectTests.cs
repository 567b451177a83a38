using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

/// <summary>Disconnect on the simulated host: flush, remove, log out only unused sessions, delete records; idempotence; busy maps.</summary>
public sealed class DisconnectTests : IDisposable
{
    private const string Wwid2 = "naa.60000000000000000e00000000010002";
    private readonly ConnectorFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static async Task<(ConnectionInfo Info, VolumeAttachment Attachment)> AttachTwoPathsAsync(ConnectorFixture f)
    {
        f.Host.FindMultipaths = FindMultipathsMode.Strict;
        f.Host.AddTarget(Iqn, Lun(1, Wwid)).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] };
        return (info, await f.Connector.ConnectVolumeAsync(info));
    }

    [Fact]
    public async Task DisconnectVolumeAsync_SinglePath_FlushesRemovesLogsOutAndDeletesTheRecord()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };
        var attachment = await _f.Connector.ConnectVolumeAsync(info);
        _f.Host.ClearInvocations();

        var result = await _f.Connector.DisconnectVolumeAsync(info, attachment);

        _f.Commands.Select(c => c.ToDisplayString()).Should().Equal(
            "blockdev --flushbufs /dev/sda",
            $"iscsiadm -m node -T {Iqn} -p 127.0.0.1:3260 -I default --logout",
            $"iscsiadm -m node -T {Iqn} -p 127.0.0.1:3260 -I default -o delete");
        result.RemovedDevices.Should().Equal("sda");
        result.LoggedOut.Should().ContainSingle();
        result.IsClean.Should().BeTrue();
        result.WasConnected.Should().BeTrue();
        _f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task DisconnectVolumeAsync_WithoutAttachment_FindsTheDevicesThroughSysfs()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };
        await _f.Connector.ConnectVolumeAsync(info);

        var result = await _f.Connector.DisconnectVolumeAsync(info);

        result.RemovedDevices.Should().Equal("sda");
        _f.Host.Sessions.Should().BeEmpty();
    }

    [Fact]
    public async Task DisconnectVolumeAsync_NotConnected_SucceedsWithoutRunningAnything()
    {
        var result = await _f.Connector.DisconnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        result.IsClean.Should().BeTrue();
        result.WasConnected.Should().BeFalse();
        _f.Host.ProcessStartCount.Should().Be(0);
    }

    [Fact]
    public async Task DisconnectVolumeAsync_Twice_SecondIsACleanNoOp()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };
        var attachment = await _f.Connector.ConnectVolumeAsync(info);
        await _f.Connector.DisconnectVolumeAsync(info, attachment);
        _f.Host.ClearInvocations();

        var again = await _f.Connector.DisconnectVolumeAsync(info, attachment);

        again.IsClean.Should().BeTrue();
        again.WasConnected.Should().BeFalse();
        _f.Host.ProcessStartCount.Should().Be(0);
        _f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task DisconnectVolumeAsync_SharedTarget_KeepsTheSessionAndDeviceOfTheOtherLun()
    {
        _f.Host.AddTarget(Iqn, Lun(1, Wwid), Lun(2, Wwid2, 2L << 30)).AddPortal("127.0.0.1:3260");
        var volume1 = new ConnectionInfo { Primary = PathOf("127.0.0.1", 1) };
        var volume2 = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":2}""");
        var a1 = await _f.Connector.ConnectVolumeAsync(volume1);
        var a2 = await _f.Connector.ConnectVolumeAsync(volume2);
        _f.Host.Sessions.Should().ContainSingle("both LUNs share one session");

        var first = await _f.Connector.DisconnectVolumeAsync(volume1, a1);

        first.RemovedDevices.Should().Equal(a1.Devices.Single().Name);
        first.KeptSessions.Should().ContainSingle();
        first.LoggedOut.Should().BeEmpty();
        _f.Host.Sessions.Should().ContainSingle();
        _f.Disks.Should().Equal(a2.Devices.Single().Name);
        _f.Host.Exists(a2.Path).Should().BeTrue();
        _f.CountOf("iscsiadm").Should().Be(4, "only the first attach ran iscsiadm");

        var second = await _f.Connector.DisconnectVolumeAsync(volume2, a2);

        second.LoggedOut.Should().ContainSingle();
        _f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task DisconnectVolumeAsync_Multipath_FlushesTheMapThenEveryPath()
    {
        using var f = new ConnectorFixture(o => o.UseMultipath = true);
        var (info, attachment) = await AttachTwoPathsAsync(f);
        f.Host.ClearInvocations();

        var result = await f.Connector.DisconnectVolumeAsync(info, attachment);

        f.Commands.First().ToDisplayString().Should().Be("multipath -f mpatha");
        result.FlushedMultipath.Should().Be("mpatha");
        result.RemovedDevices.Should().BeEquivalentTo("sda", "sdb");
        result.LoggedOut.Should().HaveCount(2);
        f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task DisconnectVolumeAsync_MapBusyOnce_IsRetried()
    {
        using var f = new ConnectorFixture(o => o.UseMultipath = true);
        var (info, _) = await AttachTwoPathsAsync(f);
        f.Host.MakeMapBusy("mpatha");

        var result = await f.Connector.DisconnectVolumeAsync(info);

        result.IsClean.Should().BeTrue();
        f.Count("multipath", "-f").Should().Be(2);
    }

    [Fact]
    public async Task DisconnectVolumeAsync_MapStaysBusyWithoutForce_ThrowsAndKeepsEverything()
    {
        using var f = new ConnectorFixture(o => o.UseMultipath = true);
        var (info, _) = await AttachTwoPathsAsync(f);
        f.Host.MakeMapBusy("mpatha", times: 100);

        var act = () => f.Connector.DisconnectVolumeAsync(info);

        var error = (await act.Should().ThrowAsync<VolumeDetachException>()).Which;
        error.Result.Problems.Should().ContainSingle().Which.Should().Contain("mpatha");
        error.InnerException.Should().BeOfType<IscsiCommandException>();
        f.Count("multipath", "-f").Should().Be(3, "FlushRetries = 2 means three attempts");
        f.Host.Sessions.Should().HaveCount(2);
        f.Host.MultipathMaps.Should().ContainSingle();
    }

    [Fact]
    public async Task DisconnectVolumeAsync_MapStaysBusyWithForceAndIgnoreErrors_CleansUpAndReports()
    {
        using var f = new ConnectorFixture(o => o.UseMultipath = true);
        var (info, _) = await AttachTwoPathsAsync(f);
        f.Host.MakeMapBusy("mpatha", times: 3);

        var result = await f.Connector.DisconnectVolumeAsync(info, options: new DisconnectOptions { Force = true, IgnoreErrors = true });

        result.IsClean.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.Should().Contain("force is set");
        f.Host.Sessions.Should().BeEmpty();
        f.Host.NodeRecords.Should().BeEmpty();
    }

    [Fact]
    public async Task DisconnectVolumeAsync_DiskFlushFailsWithForce_ThrowsAfterCleaningUpUnlessIgnored()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };
        await _f.Connector.ConnectVolumeAsync(info);
        _f.Host.InjectFailure("blockdev", ["--flushbufs"], 100, 1, "blockdev: ioctl error on BLKFLSBUF: Input/output error\n");

        var act = () => _f.Connector.DisconnectVolumeAsync(info, options: new DisconnectOptions { Force = true });

        var error = (await act.Should().ThrowAsync<VolumeDetachException>()).Which;
        error.Result.LoggedOut.Should().ContainSingle("force continues past the failed flush");
        _f.Host.Sessions.Should().BeEmpty();
    }

    [Fact]
    public async Task DisconnectVolumeAsync_AfterDiscoveryBasedMultipath_FindsTheDiscoveredPathsToo()
    {
        using var f = new ConnectorFixture(o => o.UseMultipath = true);
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260").WithSendTargetsAlsoListing("127.0.0.1:3260", "127.0.0.2:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };
        await f.Connector.ConnectVolumeAsync(info);

        var result = await f.Connector.DisconnectVolumeAsync(info);

        result.LoggedOut.Should().HaveCount(2);
        f.Host.Sessions.Should().BeEmpty();
    }
}
