using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Reliability;

/// <summary>Issue 12, item 2: disconnect checks that the disk it is about to flush and delete is the attachment's volume.</summary>
public sealed class DisconnectIdentityTests : IDisposable
{
    private const string Wwid2 = "naa.60000000000000000e00000000010002";
    private const string UdevWwn2 = "360000000000000000e00000000010002";
    private readonly ConnectorFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<(ConnectionInfo Info1, VolumeAttachment Attachment1, VolumeAttachment Attachment2)> AttachTwoLunsAsync()
    {
        _f.Host.AddTarget(Iqn, Lun(1, Wwid), Lun(2, Wwid2)).AddPortal("127.0.0.1:3260");
        var info1 = new ConnectionInfo { Primary = PathOf("127.0.0.1", lun: 1) };
        var attachment1 = await _f.Connector.ConnectVolumeAsync(info1);
        var attachment2 = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", lun: 2) });
        attachment2.ScsiWwn.Should().Be(UdevWwn2);
        return (info1, attachment1, attachment2);
    }

    [Fact]
    public async Task DisconnectVolumeAsync_AttachmentOfAnotherVolume_ThrowsAndRemovesNothing()
    {
        var (info1, _, attachment2) = await AttachTwoLunsAsync();
        var disksBefore = _f.Disks;
        _f.Host.ClearInvocations();

        // LUN 1's connection_info with LUN 2's attachment: a stale or mixed-up record on the caller's side.
        var act = () => _f.Connector.DisconnectVolumeAsync(info1, attachment2);

        var error = (await act.Should().ThrowAsync<VolumeIdentityException>()).Which;
        error.Message.Should().Contain(UdevWwn2).And.Contain(UdevWwn);
        _f.Disks.Should().Equal(disksBefore);
        _f.Commands.Should().BeEmpty("nothing is flushed, removed or logged out");
    }

    [Fact]
    public async Task DisconnectVolumeAsync_StaleWwnWithForce_RemovesAndSaysSo()
    {
        var (info1, attachment1, _) = await AttachTwoLunsAsync();
        var stale = attachment1 with { ScsiWwn = "36000000000000000000000000000dead" };

        var result = await _f.Connector.DisconnectVolumeAsync(info1, stale, new DisconnectOptions { Force = true });

        result.RemovedDevices.Should().ContainSingle();
        result.Warnings.Should().Contain(p => p.Contains("36000000000000000000000000000dead", StringComparison.Ordinal) && p.Contains("Force", StringComparison.Ordinal));
        result.IsClean.Should().BeTrue("the device went as asked; the warning says it was not the one named");
    }

    [Fact]
    public async Task DisconnectVolumeAsync_MatchingWwn_Disconnects()
    {
        var (info1, attachment1, _) = await AttachTwoLunsAsync();

        var result = await _f.Connector.DisconnectVolumeAsync(info1, attachment1);

        result.IsClean.Should().BeTrue();
        result.RemovedDevices.Should().ContainSingle();
    }
}
