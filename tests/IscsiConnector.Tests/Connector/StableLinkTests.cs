using FluentAssertions;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

/// <summary>
/// udev makes the by-path link after the kernel's disk appears: the attach waits (bounded) for it, as os-brick does,
/// because a live-migration map and a libvirt domain want the stable name; where no udev runs it does not wait.
/// </summary>
public sealed class StableLinkTests : IDisposable
{
    private const string ByPathFolder = "/dev/disk/by-path/";
    private const string ByPath = $"{ByPathFolder}ip-127.0.0.1:3260-iscsi-{Iqn}-lun-1";

    private readonly ConnectorFixture _f = new(o => o.ProbePortals = false);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ConnectVolumeAsync_UdevLinkComesAfterTheDisk_ReturnsTheByPathLink()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").WithAsyncDelays(scan: TimeSpan.Zero, udev: TimeSpan.FromMilliseconds(700), multipathMap: TimeSpan.Zero);

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Path.Should().Be("/dev/sda");
        attachment.ByPath.Should().Be($"/dev/disk/by-path/ip-127.0.0.1:3260-iscsi-{Iqn}-lun-1");
        _f.Time.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(700)).And.BeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ConnectVolumeAsync_UdevLinkNeverComes_SucceedsWithoutItAfterTheBound()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").WithAsyncDelays(scan: TimeSpan.Zero, udev: TimeSpan.FromMinutes(5), multipathMap: TimeSpan.Zero);

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Path.Should().Be("/dev/sda");
        attachment.ByPath.Should().BeNull();
        _f.Time.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5)).And.BeLessThan(TimeSpan.FromSeconds(7), "the wait for the link is bounded at 5 s");
    }

    [Fact]
    public async Task ConnectVolumeAsync_WithoutUdev_DoesNotWaitForALink()
    {
        _f.Host.Udev = false;
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.ByPath.Should().BeNull();
        _f.Time.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(100), "no udev, no link to wait for");
    }

    [Fact]
    public async Task ConnectVolumeAsync_UdevLinkAlreadyThere_LooksItUpOnce()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        var files = new LookupRecordingFileSystem(_f.Host, _f.Time);
        var connector = IscsiConnectorFactory.Create(_f.Options, _f.Host, files, _f.Time);

        var attachment = await connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.ByPath.Should().Be(ByPath);
        files.LookupsUnder(ByPathFolder).Should().ContainSingle().Which.Path.Should().Be(ByPath);
    }

    [Fact]
    public async Task ConnectVolumeAsync_UdevLinkComesAfterTheDisk_LooksOnceAtEachPollStep()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").WithAsyncDelays(scan: TimeSpan.Zero, udev: TimeSpan.FromMilliseconds(700), multipathMap: TimeSpan.Zero);
        var files = new LookupRecordingFileSystem(_f.Host, _f.Time);
        var connector = IscsiConnectorFactory.Create(_f.Options, _f.Host, files, _f.Time);

        var attachment = await connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.ByPath.Should().Be(ByPath);
        var lookups = files.LookupsUnder(ByPathFolder);
        lookups.Should().HaveCountGreaterThan(1, "the link came 700 ms after the disk");
        lookups.Select(l => l.At).Should().OnlyHaveUniqueItems("a look for the link right before the poll's own first look would repeat it at the same instant");
    }
}
