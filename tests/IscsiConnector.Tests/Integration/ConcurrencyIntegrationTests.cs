using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Integration.Support;

namespace IscsiConnector.Tests.Integration;

/// <summary>Sixteen volumes on sixteen targets attached and detached concurrently on one simulated host.</summary>
public sealed class ConcurrencyIntegrationTests
{
    private const int Volumes = 16;
    private static readonly TimeSpan IscsiadmLatency = TimeSpan.FromSeconds(1);

    private static string IqnOf(int i) => $"iqn.2010-10.org.openstack:volume-{i:D2}";

    private static ConnectionInfo InfoOf(int i) =>
        ConnectionInfo.Parse($$$"""{"driver_volume_type":"iscsi","data":{"target_portal":"127.0.0.1:3260","target_iqn":"{{{IqnOf(i)}}}","target_lun":1}}""");

    [Fact]
    public async Task ConnectVolumeAsync_SixteenTargetsConcurrently_LoginsOverlapDistinctDevicesRightWwnsNoLeaks()
    {
        var time = new SimulatedTimeProvider();
        var host = new SimulatedIscsiHost(time).WithLatency("iscsiadm", IscsiadmLatency).AddPortal("127.0.0.1:3260");
        for (var i = 0; i < Volumes; i++)
        {
            host.AddTarget(IqnOf(i), new SimulatedLun(1, (i + 1) * (64L << 20), Wwid: $"naa.6001405000000000000000000000{i:x4}"));
        }

        var gate = new LoginGateExecutor(host, gate: 4);
        using var rig = new SimRig(host, time, executor: gate);

        var attachments = await Task.WhenAll(Enumerable.Range(0, Volumes).Select(i => rig.Connector.ConnectVolumeAsync(InfoOf(i))));

        attachments.Select(a => a.Path).Should().OnlyHaveUniqueItems().And.HaveCount(Volumes);
        for (var i = 0; i < Volumes; i++)
        {
            attachments[i].ScsiWwn.Should().Be($"36001405000000000000000000000{i:x4}", $"volume {i} got its own LU");
            rig.Host.ReadAllText($"/sys/block/{attachments[i].Devices[0].Name}/size").Should().Be($"{(i + 1) * (64L << 20) / 512}\n");
        }

        // Structural: the first logins were held until four were in flight at once (serial logins never get there).
        gate.MaxInFlight.Should().BeGreaterThanOrEqualTo(4);
        rig.Host.Invocations.Count(c => c.Command.ArgumentValues.Contains("--login")).Should().Be(Volumes);

        var results = await Task.WhenAll(Enumerable.Range(0, Volumes).Select(i => rig.Connector.DisconnectVolumeAsync(InfoOf(i), attachments[i])));

        results.Should().OnlyContain(r => r.IsClean);
        rig.Host.Leaks().Should().BeEmpty();
    }
}
