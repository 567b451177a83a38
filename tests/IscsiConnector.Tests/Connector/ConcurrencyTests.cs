using IscsiConnector.Locking.Internal;
using IscsiConnector.Resilience.Internal;
using IscsiConnector.Tests.Connector.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly ConnectorFixture _f = new(o => o.LockTimeout = TimeSpan.FromSeconds(3));

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ConnectVolumeAsync_TargetLockedByAnotherProcess_FailsThatPortalWithLockTimeout()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        var otherProcess = new TargetLocks(_f.LockDirectory, TimeSpan.FromSeconds(3), new PollPipeline(_f.Time, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(500)), NullLogger.Instance);
        await using var held = await otherProcess.AcquireAsync(new IscsiPortal("127.0.0.1"), Iqn, CancellationToken.None);

        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Portals.Single().Failure.Should().Be(PortalFailureKind.LockTimeout);
        _f.Host.Commands.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_TwoLunsOfOneTargetAtOnce_ShareOneSessionAndGetTheirOwnDisks()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid).AddLun(2, "naa.60000000000000000e00000000010002");

        var both = await Task.WhenAll(
            _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", 1) }),
            _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", 2) }));

        _f.Host.Sessions.Should().ContainSingle();
        both.Select(a => a.Devices.Single().Address.Lun).Should().BeEquivalentTo([1, 2]);
        both.Select(a => a.Path).Should().OnlyHaveUniqueItems();
        _f.Host.CountOf("iscsiadm").Should().Be(3, "the second attach waits for the lock and then reuses the session");
    }

    [Fact]
    public async Task ConnectVolumeAsync_DifferentVolumesAtOnce_AllAttach()
    {
        for (var i = 1; i <= 4; i++)
        {
            _f.Host.AddTarget("127.0.0.1", $"iqn.2024-01.test:vol{i}").AddLun(1, $"naa.60000000000000000e0000000001000{i}");
        }

        var all = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", 1, $"iqn.2024-01.test:vol{i}") })));

        all.Select(a => a.Path).Should().OnlyHaveUniqueItems();
        _f.Host.Sessions.Should().HaveCount(4);

        await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            _f.Connector.DisconnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", 1, $"iqn.2024-01.test:vol{i}") }, all[i - 1])));

        _f.Host.Sessions.Should().BeEmpty();
        _f.Host.Nodes.Should().BeEmpty();
    }
}
