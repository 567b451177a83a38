using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

public sealed class QueryTests : IDisposable
{
    private readonly ConnectorFixture _f = new(o => o.UseMultipath = true);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task GetVolumePathsAsync_NotAttached_IsEmptyAndNeverLogsIn()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);

        var paths = await _f.Connector.GetVolumePathsAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        paths.Should().BeEmpty();
        _f.Host.Commands.Should().BeEmpty();
    }

    [Fact]
    public async Task GetVolumePathsAsync_Multipath_ListsTheMapThenThePaths()
    {
        var target = _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        _f.Host.Export(target, "127.0.0.2");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] };
        await _f.Connector.ConnectVolumeAsync(info);
        _f.Host.ClearCommands();

        var paths = await _f.Connector.GetVolumePathsAsync(info);

        paths.Should().Equal("/dev/dm-0", "/dev/sda", "/dev/sdb");
        _f.Host.Commands.Should().BeEmpty();
    }

    [Fact]
    public async Task ExtendVolumeAsync_GrownLun_RescansEveryPathResizesTheMapAndReturnsTheNewSize()
    {
        var target = _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid, size: 1L << 30);
        _f.Host.Export(target, "127.0.0.2");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] };
        await _f.Connector.ConnectVolumeAsync(info);
        target.Luns[1].Size = 2L << 30;
        _f.Host.ClearCommands();

        var size = await _f.Connector.ExtendVolumeAsync(info);

        size.Should().Be(2L << 30);
        _f.Host.Commands.Select(c => c.ToDisplayString()).Should().Equal("multipathd resize map mpatha");
        _f.Host.Disks.Values.Should().OnlyContain(d => d.Size == 2L << 30);
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
        properties.OsType.Should().Be("linux2");
        properties.Platform.Should().NotBeNullOrEmpty();
        properties.Host.Should().NotBeNullOrEmpty();
        properties.ToDictionary().Keys.Should().BeEquivalentTo("initiator", "host", "ip", "platform", "os_type", "multipath", "enforce_multipath", "do_local_attach");
        _f.Host.Commands.Select(c => c.ToDisplayString()).Should().Equal("multipathd show status");
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
        f.Host.Commands.Should().BeEmpty();
    }
}
