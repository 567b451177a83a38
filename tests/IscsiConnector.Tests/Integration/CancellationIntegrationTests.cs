using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Integration.Support;
using static IscsiConnector.Tests.Integration.FailoverIntegrationTests;

namespace IscsiConnector.Tests.Integration;

/// <summary>Cancelling an attach half way leaves no session and no node record on the simulated host.</summary>
public sealed class CancellationIntegrationTests
{
    private static readonly ConnectionInfo Single = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1}""");

    [Fact]
    public async Task ConnectVolumeAsync_CancelledDuringBlackholedLogin_NoSessionNoRecord()
    {
        using var rig = SimRig.Create(time => new SimulatedIscsiHost(time).AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Blackholed));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2), rig.Time);

        var act = () => rig.Connector.ConnectVolumeAsync(Single, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        rig.Count("iscsiadm", "--login").Should().Be(1, "the cancel came while the login was pending");
        rig.Time.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "cancelled before the 5 s login timeout");
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_CancelledWhileWaitingForTheDevice_LogsOutAndDeletesTheRecord()
    {
        // The LUN scan finds nothing for 60 s (the kernel is slow), so the connector polls for the disk.
        using var rig = SimRig.Create(time => new SimulatedIscsiHost(time).AddTarget(Iqn).AddPortal("127.0.0.1:3260")
            .WithAsyncDelays(scan: TimeSpan.FromSeconds(60), udev: TimeSpan.Zero, multipathMap: TimeSpan.Zero));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3), rig.Time);

        var act = () => rig.Connector.ConnectVolumeAsync(Single, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        rig.Count("iscsiadm", "--login").Should().Be(1);
        rig.Count("iscsiadm", "--logout").Should().Be(1, "the session opened by the cancelled attach is closed");
        rig.Host.Sessions.Should().BeEmpty();
        rig.Host.NodeRecords.Should().BeEmpty();
        rig.Host.Leaks().Should().BeEmpty("the disk still being scanned went with its session");
    }
}
