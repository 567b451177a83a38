using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

/// <summary>Several attaches at once on one simulated host: the per-target lock, shared sessions, overlapping logins.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly ConnectorFixture _f = new(o => o.LockTimeout = TimeSpan.FromSeconds(3));

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ConnectVolumeAsync_TargetLockedByAnotherProcess_FailsThatPortalWithLockTimeout()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");

        // Another "process" on the same host: its own connector, attaching the same target, holds the lock while its login hangs.
        var hold = new TaskCompletionSource();
        var blocked = new CommandHooks(_f.Host) { BeforeAsync = _ => hold.Task };
        var other = IscsiConnectorFactory.Create(new IscsiConnectorOptions { CheckHostBeforeAttach = false }, executor: blocked, fileSystem: _f.Host, timeProvider: _f.Time);
        var othersAttach = other.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });
        await WaitUntilAsync(() => _f.Host.HeldLocks.Count == 1);

        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Portals.Single().Failure.Should().Be(PortalFailureKind.LockTimeout);
        _f.Commands.Should().NotContain(c => c.ArgumentValues.Contains("--login"), "only the other process got as far as a command");
        hold.SetResult();
        await othersAttach;
        await other.DisconnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }

    [Fact]
    public async Task ConnectVolumeAsync_TwoLunsOfOneTargetAtOnce_ShareOneSessionAndGetTheirOwnDisks()
    {
        _f.Host.AddTarget(Iqn, Lun(1, Wwid), Lun(2, "naa.60000000000000000e00000000010002")).AddPortal("127.0.0.1:3260");

        var both = await Task.WhenAll(
            _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", 1) }),
            _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", 2) }));

        _f.Host.Sessions.Should().ContainSingle();
        both.Select(a => a.Devices.Single().Address.Lun).Should().BeEquivalentTo([1, 2]);
        both.Select(a => a.Path).Should().OnlyHaveUniqueItems();
        _f.CountOf("iscsiadm").Should().Be(4, "the second attach waits for the lock and then reuses the session");
    }

    [Fact]
    public async Task ConnectVolumeAsync_SixteenTargetsConcurrently_LoginsOverlapDistinctDevicesRightWwnsNoLeaks()
    {
        const int volumes = 16;
        static string IqnOf(int i) => $"iqn.2010-10.org.openstack:volume-{i:D2}";
        static ConnectionInfo InfoOf(int i) =>
            ConnectionInfo.Parse($$$"""{"driver_volume_type":"iscsi","data":{"target_portal":"127.0.0.1:3260","target_iqn":"{{{IqnOf(i)}}}","target_lun":1}}""");

        LoginGateExecutor? gate = null;
        using var f = new ConnectorFixture(executor: host => gate = new LoginGateExecutor(host, gate: 4));
        f.Host.WithLatency("iscsiadm", TimeSpan.FromSeconds(1)).AddPortal("127.0.0.1:3260");
        for (var i = 0; i < volumes; i++)
        {
            f.Host.AddTarget(IqnOf(i), new SimulatedLun(1, (i + 1) * (64L << 20), Wwid: $"naa.6001405000000000000000000000{i:x4}"));
        }

        var attachments = await Task.WhenAll(Enumerable.Range(0, volumes).Select(i => f.Connector.ConnectVolumeAsync(InfoOf(i))));

        attachments.Select(a => a.Path).Should().OnlyHaveUniqueItems().And.HaveCount(volumes);
        for (var i = 0; i < volumes; i++)
        {
            attachments[i].ScsiWwn.Should().Be($"36001405000000000000000000000{i:x4}", $"volume {i} got its own LU");
            f.Host.ReadAllText($"/sys/block/{attachments[i].Devices[0].Name}/size").Should().Be($"{(i + 1) * (64L << 20) / 512}\n");
        }

        // Structural: the first logins were held until four were in flight at once (serial logins never get there).
        gate!.MaxInFlight.Should().BeGreaterThanOrEqualTo(4);
        f.Count("iscsiadm", "--login").Should().Be(volumes);

        var results = await Task.WhenAll(Enumerable.Range(0, volumes).Select(i => f.Connector.DisconnectVolumeAsync(InfoOf(i), attachments[i])));

        results.Should().OnlyContain(r => r.IsClean);
        f.Host.Leaks().Should().BeEmpty();
    }
}
