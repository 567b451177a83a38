using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Integration.Support;
using static IscsiConnector.Tests.Integration.FailoverIntegrationTests;

namespace IscsiConnector.Tests.Integration;

/// <summary>Idempotence, shared targets, extend and path queries end to end on the simulated host.</summary>
public sealed class LifecycleIntegrationTests
{
    private static readonly ConnectionInfo Single = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1}""");

    private static SimRig SingleRig() => SimRig.Create(time => new SimulatedIscsiHost(time)
        .AddTarget(Iqn, new SimulatedLun(1, 1L << 30), new SimulatedLun(2, 2L << 30)).AddPortal("127.0.0.1:3260"));

    [Fact]
    public async Task ConnectVolumeAsync_SinglePortal_ExactlyThreeProcesses()
    {
        using var rig = SingleRig();

        await rig.Connector.ConnectVolumeAsync(Single);

        // -o new, -o update (every setting in one call), --login; the LUN scan is a sysfs write. os-brick: 8 (docs/connector.md).
        rig.IscsiAdmOperations().Should().Equal("127.0.0.1:3260 -o new", "127.0.0.1:3260 -o update", "127.0.0.1:3260 --login");
        rig.Host.ProcessStartCount.Should().Be(3);
    }

    [Fact]
    public async Task ConnectVolumeAsync_Twice_SameDeviceOneSessionNoProcessTheSecondTime()
    {
        using var rig = SingleRig();
        var first = await rig.Connector.ConnectVolumeAsync(Single);
        rig.Host.ClearInvocations();

        var second = await rig.Connector.ConnectVolumeAsync(Single);

        second.Path.Should().Be(first.Path);
        second.Portals.Single().Outcome.Should().Be(LoginOutcome.AlreadyLoggedIn);
        rig.Host.Sessions.Should().ContainSingle();
        rig.Host.ProcessStartCount.Should().Be(0);
    }

    [Fact]
    public async Task DisconnectVolumeAsync_Twice_SecondSucceedsWithNoProcess()
    {
        using var rig = SingleRig();
        var attachment = await rig.Connector.ConnectVolumeAsync(Single);
        await rig.Connector.DisconnectVolumeAsync(Single, attachment);
        rig.Host.ClearInvocations();

        var again = await rig.Connector.DisconnectVolumeAsync(Single, attachment);

        again.IsClean.Should().BeTrue();
        again.WasConnected.Should().BeFalse();
        rig.Host.ProcessStartCount.Should().Be(0);
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task DisconnectVolumeAsync_SharedTarget_KeepsTheOtherLunsSessionAndDevice()
    {
        using var rig = SingleRig();
        var lun2 = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":2}""");
        var one = await rig.Connector.ConnectVolumeAsync(Single);
        var two = await rig.Connector.ConnectVolumeAsync(lun2);

        var result = await rig.Connector.DisconnectVolumeAsync(Single, one);

        result.RemovedDevices.Should().Equal(one.Devices[0].Name);
        result.KeptSessions.Should().ContainSingle();
        rig.Host.Sessions.Should().ContainSingle();
        rig.Host.Devices.Where(d => d.DiskName is not null).Should().ContainSingle().Which.DiskName.Should().Be(two.Devices[0].Name);
        rig.Host.Exists(two.Path).Should().BeTrue();

        await rig.Connector.DisconnectVolumeAsync(lun2, two);
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ExtendVolumeAsync_AfterResizeLun_ReturnsTheNewSize()
    {
        using var rig = SingleRig();
        await rig.Connector.ConnectVolumeAsync(Single);
        rig.Host.ResizeLun(Iqn, 1, 3L << 30);

        var size = await rig.Connector.ExtendVolumeAsync(Single);

        size.Should().Be(3L << 30);
    }

    [Fact]
    public async Task GetVolumePathsAsync_NotAttachedThenAttached_NeverLogsIn()
    {
        using var rig = SingleRig();

        var before = await rig.Connector.GetVolumePathsAsync(Single);
        var attachment = await rig.Connector.ConnectVolumeAsync(Single);
        rig.Host.ClearInvocations();
        var after = await rig.Connector.GetVolumePathsAsync(Single);

        before.Should().BeEmpty();
        after.Should().Equal(attachment.Path);
        rig.Host.ProcessStartCount.Should().Be(0);
        rig.Count("iscsiadm", "--login").Should().Be(0);
    }
}
