using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Windows.Support;

namespace IscsiConnector.Tests.Windows;

/// <summary>
/// How many processes an attach and a detach start on Windows, where each one is a Windows PowerShell start-up
/// (docs/windows.md quotes these numbers). Counted on the simulated Windows host, which records every process.
/// </summary>
public sealed class ProcessCountTests
{
    [Fact]
    public async Task Attach_HealthyPortal_StartsTwoProcesses_DetachStartsThree()
    {
        var host = PlatformHost.Create(IscsiPlatform.Windows, SharedScenarioTests.Scenario(portals: ("up", "up", "up"), secondLun: false));
        var connector = host.Connector();
        var info = SharedScenarioTests.Info(string.Empty);

        var attachment = await connector.ConnectVolumeAsync(info);
        var attach = host.ProcessStartCount;
        var result = await connector.DisconnectVolumeAsync(info, attachment);
        var detach = host.ProcessStartCount - attach;
        result.LoggedOut.Should().ContainSingle();
        host.Sessions.Should().BeEmpty();

        // host (inventory) + connect (portal, login, disk); host + disconnect (sessions) + disconnect (unused portal).
        attach.Should().Be(2);
        detach.Should().Be(3);
    }

    [Fact]
    public async Task Attach_FailoverPastTwoDeadPortals_StartsOneInventoryAndOneConnectPerPortalTried()
    {
        var host = PlatformHost.Create(IscsiPlatform.Windows, SharedScenarioTests.Scenario(portals: ("blackholed", "refusing", "up")));
        var info = ConnectionInfo.Parse("""
            { "driver_volume_type": "iscsi", "data": { "target_portal": "127.0.0.1:3260", "target_iqn": "iqn.2010-10.org.openstack:volume-shared", "target_lun": 1,
              "target_alternative_portals": ["127.0.0.2:3260", "127.0.0.3:3260"] } }
            """);

        await host.Connector().ConnectVolumeAsync(info);

        // host, then one connect per portal: a connect's reply keeps the inventory current for the next portal, and a
        // dead portal's connect fails at New-IscsiTargetPortal, so there is nothing to undo.
        host.ProcessStartCount.Should().Be(4);
    }

    [Fact]
    public async Task Attach_MultipathThreePortals_StartsOneConnectPerPortal()
    {
        var host = PlatformHost.Create(IscsiPlatform.Windows, SharedScenarioTests.Scenario(portals: ("up", "up", "up")));
        var info = ConnectionInfo.Parse("""
            { "driver_volume_type": "iscsi", "data": { "target_portal": "127.0.0.1:3260", "target_iqn": "iqn.2010-10.org.openstack:volume-shared", "target_lun": 1,
              "target_portals": ["127.0.0.1:3260", "127.0.0.2:3260", "127.0.0.3:3260"] } }
            """);

        await host.Connector(new IscsiConnectorOptions { UseMultipath = true }).ConnectVolumeAsync(info);

        // One MPIO check (host), then per portal at most host + connect; parallel attempts may share a fresh inventory.
        host.ProcessStartCount.Should().BeInRange(4, 7);
    }
}
