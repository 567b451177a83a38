using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

/// <summary>Paths, extend and connector properties on the simulated host: read sysfs, never log in.</summary>
public sealed class QueryTests : IDisposable
{
    private readonly ConnectorFixture _f = new(o => o.UseMultipath = true);

    public void Dispose() => _f.Dispose();

    private ConnectionInfo AttachableOnTwoPortals(long size = 1L << 30)
    {
        _f.Host.FindMultipaths = FindMultipathsMode.Strict;
        _f.Host.AddTarget(Iqn, Lun(1, Wwid, size)).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260");
        return new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] };
    }

    [Fact]
    public async Task GetVolumePathsAsync_NotAttached_IsEmptyAndNeverLogsIn()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");

        var paths = await _f.Connector.GetVolumePathsAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        paths.Should().BeEmpty();
        _f.Host.ProcessStartCount.Should().Be(0);
    }

    [Fact]
    public async Task GetVolumePathsAsync_SinglePathNotAttachedThenAttached_NeverLogsIn()
    {
        using var f = new ConnectorFixture();
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        var info = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1}""");

        var before = await f.Connector.GetVolumePathsAsync(info);
        var attachment = await f.Connector.ConnectVolumeAsync(info);
        f.Host.ClearInvocations();
        var after = await f.Connector.GetVolumePathsAsync(info);

        before.Should().BeEmpty();
        after.Should().Equal(attachment.Path);
        f.Host.ProcessStartCount.Should().Be(0);
    }

    [Fact]
    public async Task GetVolumePathsAsync_Multipath_ListsTheMapThenThePaths()
    {
        var info = AttachableOnTwoPortals();
        await _f.Connector.ConnectVolumeAsync(info);
        _f.Host.ClearInvocations();

        var paths = await _f.Connector.GetVolumePathsAsync(info);

        paths.Should().Equal("/dev/dm-0", "/dev/sda", "/dev/sdb");
        _f.Host.ProcessStartCount.Should().Be(0);
    }

    [Fact]
    public async Task ExtendVolumeAsync_GrownLun_RescansEveryPathResizesTheMapAndReturnsTheNewSize()
    {
        var info = AttachableOnTwoPortals();
        await _f.Connector.ConnectVolumeAsync(info);
        _f.Host.ResizeLun(Iqn, 1, 2L << 30);
        _f.Host.ClearInvocations();

        var size = await _f.Connector.ExtendVolumeAsync(info);

        size.Should().Be(2L << 30);
        _f.Commands.Select(c => c.ToDisplayString()).Should().Equal("multipathd resize map mpatha");
        _f.Host.Devices.Where(d => d.DiskName is not null).Should().OnlyContain(d => d.SizeBytes == 2L << 30);
        _f.Host.MultipathMaps.Single().SizeBytes.Should().Be(2L << 30);
    }

    [Fact]
    public async Task ExtendVolumeAsync_SinglePathAfterResizeLun_ReturnsTheNewSize()
    {
        using var f = new ConnectorFixture();
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };
        await f.Connector.ConnectVolumeAsync(info);
        f.Host.ResizeLun(Iqn, 1, 3L << 30);

        var size = await f.Connector.ExtendVolumeAsync(info);

        size.Should().Be(3L << 30);
    }

    [Fact]
    public async Task ExtendVolumeAsync_NotAttached_Throws()
    {
        var act = () => _f.Connector.ExtendVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        (await act.Should().ThrowAsync<VolumeAttachException>()).Which.Message.Should().Contain("not attached");
    }

    [Fact]
    public async Task GetConnectorPropertiesAsync_MultipathdRunning_ReportsTheInitiatorAndMultipath()
    {
        var properties = await _f.Connector.GetConnectorPropertiesAsync();

        properties.Initiator.Should().Be(_f.Host.InitiatorName);
        properties.Multipath.Should().BeTrue();
        properties.OsType.Should().Be("linux");
        properties.Platform.Should().NotBeNullOrEmpty();
        properties.Host.Should().NotBeNullOrEmpty();
        properties.ToDictionary().Keys.Should().BeEquivalentTo("initiator", "host", "ip", "platform", "os_type", "multipath", "enforce_multipath", "do_local_attach");
        _f.Commands.Select(c => c.ToDisplayString()).Should().Equal("multipathd show status");
    }

    [Fact]
    public async Task GetConnectorPropertiesAsync_MultipathdStopped_ReportsNoMultipath()
    {
        _f.Host.MultipathdRunning = false;

        (await _f.Connector.GetConnectorPropertiesAsync()).Multipath.Should().BeFalse();
    }

    [Fact]
    public async Task GetConnectorPropertiesAsync_MultipathDisabledInOptions_DoesNotAskMultipathd()
    {
        using var f = new ConnectorFixture();

        var properties = await f.Connector.GetConnectorPropertiesAsync();

        properties.Multipath.Should().BeFalse();
        f.Host.ProcessStartCount.Should().Be(0);
    }
}
