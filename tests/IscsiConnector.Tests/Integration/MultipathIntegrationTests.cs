using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Integration.Support;
using static IscsiConnector.Tests.Integration.FailoverIntegrationTests;

namespace IscsiConnector.Tests.Integration;

/// <summary>Multipath (spec 001) end to end on the simulated host, with multipathd's map built by the host.</summary>
public sealed class MultipathIntegrationTests
{
    private const string ThreePortals =
        """{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"target_portals":["127.0.0.1:3260","127.0.0.2:3260","127.0.0.3:3260"],"target_iqns":["IQN","IQN","IQN"],"target_luns":[1,1,1]}""";

    private static SimRig Rig(PortalState[] states, Action<IscsiConnectorOptions>? configure = null) => SimRig.Create(
        time =>
        {
            var host = new SimulatedIscsiHost(time).AddTarget(Iqn, new SimulatedLun(1, 1L << 30));
            for (var i = 0; i < states.Length; i++)
            {
                host.AddPortal($"127.0.0.{i + 1}:3260", states[i]);
            }

            return host;
        },
        o =>
        {
            o.UseMultipath = true;
            configure?.Invoke(o);
        });

    [Fact]
    public async Task ConnectVolumeAsync_AllPathsUp_ReturnsTheMapOverThreePaths()
    {
        using var rig = Rig([PortalState.Up, PortalState.Up, PortalState.Up]);

        var attachment = await rig.Connector.ConnectVolumeAsync(Info(ThreePortals));

        attachment.Path.Should().Be("/dev/dm-0");
        attachment.MultipathName.Should().Be("mpatha");
        attachment.Devices.Should().HaveCount(3);
        rig.Host.MultipathMaps.Should().ContainSingle().Which.Paths.Should().HaveCount(3);

        (await rig.Connector.DisconnectVolumeAsync(Info(ThreePortals), attachment)).FlushedMultipath.Should().Be("mpatha");
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task DisconnectVolumeAsync_OnePathDiedAfterAttach_FlushesTheMapSkipsTheDeadPathAndLeavesNothing()
    {
        // Found on the real kernel (tests/system scenario 12): "blockdev --flushbufs" of a blocked path fails
        // with ENXIO, which made the whole disconnect fail although the map had been flushed.
        using var rig = Rig([PortalState.Up, PortalState.Up]);
        var info = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"target_portals":["127.0.0.1:3260","127.0.0.2:3260"],"target_iqns":["IQN","IQN"],"target_luns":[1,1]}""");
        var attachment = await rig.Connector.ConnectVolumeAsync(info);
        var deadDisk = attachment.Devices.Single(d => d.Path.Portal.Host == "127.0.0.2").Name;
        rig.Host.SetPortalState("127.0.0.2:3260", PortalState.Blackholed);
        rig.Host.ClearInvocations();

        var result = await rig.Connector.DisconnectVolumeAsync(info, attachment);

        result.IsClean.Should().BeTrue(string.Join("; ", result.Problems));
        result.FlushedMultipath.Should().Be("mpatha");
        rig.Host.Invocations.Should().NotContain(c => c.Command.FileName == "blockdev" && c.Command.ArgumentValues.Contains("/dev/" + deadDisk));
        rig.Host.Invocations.Should().Contain(c => c.Command.FileName == "blockdev" && !c.Command.ArgumentValues.Contains("/dev/" + deadDisk));
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_OnePathBlackholed_MapOverTheOtherTwoAndNoRecordForTheDeadOne()
    {
        using var rig = Rig([PortalState.Up, PortalState.Up, PortalState.Blackholed]);

        var attachment = await rig.Connector.ConnectVolumeAsync(Info(ThreePortals));

        attachment.Path.Should().Be("/dev/dm-0");
        attachment.Devices.Select(d => d.Path.Portal.Address).Should().BeEquivalentTo("127.0.0.1:3260", "127.0.0.2:3260");
        attachment.Portals.Single(p => p.Path.Portal.Host == "127.0.0.3").Outcome.Should().Be(LoginOutcome.Failed);
        rig.Host.NodeRecords.Should().NotContain(n => n.Portal == "127.0.0.3:3260");
        rig.Time.Elapsed.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(5) + rig.Options.MultipathWaitTimeout, "the dead path costs one LoginTimeout in parallel with the others");

        await rig.Connector.DisconnectVolumeAsync(Info(ThreePortals), attachment);
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_NoPathUp_FailsAndLeavesNothing()
    {
        using var rig = Rig([PortalState.Refusing, PortalState.Blackholed, PortalState.Refusing]);

        var act = () => rig.Connector.ConnectVolumeAsync(Info(ThreePortals));

        (await act.Should().ThrowAsync<VolumeAttachException>()).Which.Portals.Should().OnlyContain(p => p.Outcome == LoginOutcome.Failed);
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_RequireAllPathsAndOneDown_FailsAndUndoesTheWorkingPaths()
    {
        using var rig = Rig([PortalState.Up, PortalState.Up, PortalState.Refusing], o => o.RequireAllPaths = true);

        var act = () => rig.Connector.ConnectVolumeAsync(Info(ThreePortals));

        await act.Should().ThrowAsync<VolumeAttachException>();
        rig.Host.Leaks().Should().BeEmpty("the two working sessions, their disks and the map are undone");
    }

    [Fact]
    public async Task ConnectVolumeAsync_MultipathWithSinglePortal_DiscoversAndUsesTheGivenPortal()
    {
        using var rig = Rig([PortalState.Up, PortalState.Up]);
        var info = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1}""");

        var attachment = await rig.Connector.ConnectVolumeAsync(info);

        rig.IscsiAdmOperations().Should().ContainInOrder("127.0.0.1:3260 -o new", "127.0.0.1:3260 -o update", "127.0.0.1:3260 --discover");
        attachment.Devices.Should().ContainSingle("tgtd answers SendTargets with the asked portal only").Which.Path.Portal.Address.Should().Be("127.0.0.1:3260");

        await rig.Connector.DisconnectVolumeAsync(info, attachment);
        rig.Host.Leaks().Should().BeEmpty("the record discovery created is the attach's own");
    }

    [Fact]
    public async Task ConnectVolumeAsync_DiscoveryRecordAlreadyExists_IsNotResetWithNew()
    {
        using var rig = Rig([PortalState.Up, PortalState.Up]);
        // An admin's discovery record: "discoverydb -o new" on it would reset its settings to iscsid.conf defaults.
        var existing = await rig.Host.ExecuteAsync(new IscsiConnector.Execution.CommandSpec(
            "iscsiadm", "-m", "discoverydb", "-t", "sendtargets", "-p", "127.0.0.1:3260", "-I", "default", "-o", "new"));
        existing.ExitCode.Should().Be(0);
        rig.Host.ClearInvocations();
        var info = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1}""");

        var attachment = await rig.Connector.ConnectVolumeAsync(info);

        rig.Host.Invocations.Should().NotContain(c => c.Command.ArgumentValues.Contains("discoverydb") && c.Command.ArgumentValues.Contains("new"));
        rig.Count("iscsiadm", "--discover").Should().Be(1);
        await rig.Connector.DisconnectVolumeAsync(info, attachment);
    }

    [Fact]
    public async Task ConnectVolumeAsync_DiscoveryRefusedForWantOfDiscoveryChap_FallsBackToTheGivenPortal()
    {
        using var rig = Rig([PortalState.Up]);
        rig.Host.WithDiscoveryChap("127.0.0.1:3260", "discuser", "discsecret");
        var info = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1}""");

        var attachment = await rig.Connector.ConnectVolumeAsync(info);

        rig.Count("iscsiadm", "--discover").Should().Be(1);
        attachment.Devices.Should().ContainSingle().Which.Path.Portal.Address.Should().Be("127.0.0.1:3260");
        await rig.Connector.DisconnectVolumeAsync(info, attachment);
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_TwoPortals_ProcessStartsCounted()
    {
        using var rig = Rig([PortalState.Up, PortalState.Up]);
        var info = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"target_portals":["127.0.0.1:3260","127.0.0.2:3260"],"target_iqns":["IQN","IQN"],"target_luns":[1,1]}""");

        await rig.Connector.ConnectVolumeAsync(info);

        // 3 iscsiadm per portal (-o new, -o update, --login); multipathd built the map from the second path, so no
        // "multipathd add path" is needed. For comparison docs/connector.md counts os-brick's single-portal attach
        // at 8 processes (its multipath flow was not counted there).
        rig.Host.RenderInvocations().Split('\n').Should().OnlyContain(l => l.StartsWith("iscsiadm ", StringComparison.Ordinal));
        rig.Host.ProcessStartCount.Should().Be(6);
    }

    [Fact]
    public async Task DisconnectVolumeAsync_FindMultipathsNoAndSinglePathAttach_FlushesTheMapMultipathdMade()
    {
        // Real-bed finding: with find_multipaths "no" multipathd puts a map over every disk, even a single path.
        using var rig = SimRig.Create(time => new SimulatedIscsiHost(time).AddTarget(Iqn).AddPortal("127.0.0.1:3260"));
        rig.Host.FindMultipaths = FindMultipathsMode.No;
        var info = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1}""");
        var attachment = await rig.Connector.ConnectVolumeAsync(info);
        rig.Host.MultipathMaps.Should().ContainSingle();

        var result = await rig.Connector.DisconnectVolumeAsync(info, attachment);

        result.FlushedMultipath.Should().Be("mpatha");
        result.IsClean.Should().BeTrue();
        rig.Host.Leaks().Should().BeEmpty();
    }
}
