using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Windows.Support;

namespace IscsiConnector.Tests.Windows;

/// <summary>
/// The shared flow's scenarios, run against both backends from the same scenario documents: open-iscsi on the
/// simulated Linux host and the Microsoft initiator on the simulated Windows host. Only the initiator differs, so
/// the same assertions hold on both: failover order, multipath rules, CHAP on every portal, shared-target safety,
/// undo on cancellation, and input refused before any process starts.
/// </summary>
public sealed class SharedScenarioTests
{
    private const string Iqn = "iqn.2010-10.org.openstack:volume-shared";
    private const string Secret = "target-secret-14";
    private const string InitiatorSecret = "initiator-sec-14";

    public static TheoryData<IscsiPlatform> Platforms => [IscsiPlatform.Linux, IscsiPlatform.Windows];

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Failover_PastABlackholedAndARefusingPortal_AttachesThroughTheThirdAndLeavesNothingOfTheOthers(IscsiPlatform platform)
    {
        var host = PlatformHost.Create(platform, Scenario(portals: ("blackholed", "refusing", "up")));

        // Probing is off so that both backends take the login path past the dead portals (the portal probe, on by
        // default, is covered by PortalProbeTests; it would reorder the live portal first on the simulated Linux host).
        var attachment = await host.Connector(new IscsiConnectorOptions { ProbePortals = false }).ConnectVolumeAsync(Info(Portals("target_alternative")));

        attachment.Portals.Select(p => p.Outcome).Should().Equal(LoginOutcome.Failed, LoginOutcome.Failed, LoginOutcome.LoggedIn);
        attachment.Portals[0].ErrorKind.Should().Be(IscsiErrorKind.Unreachable);
        attachment.Devices.Should().ContainSingle().Which.Path.Portal.Host.Should().Be("127.0.0.3");
        host.Sessions.Should().Equal($"127.0.0.3:3260 {Iqn}");
        host.Records.Should().NotContain(["127.0.0.1:3260", "127.0.0.2:3260"]);
        host.HeldLocks.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Multipath_AllPortalsUp_LogsIntoEveryPortalAndReturnsOneDevice(IscsiPlatform platform)
    {
        var host = PlatformHost.Create(platform, Scenario(portals: ("up", "up", "up")));

        var attachment = await host.Connector(new IscsiConnectorOptions { UseMultipath = true }).ConnectVolumeAsync(Info(Portals("target")));

        attachment.Portals.Should().OnlyContain(p => p.Outcome == LoginOutcome.LoggedIn);
        attachment.Devices.Should().HaveCount(3);
        attachment.Devices.Select(d => d.Wwn).Distinct().Should().ContainSingle();
        host.Sessions.Should().HaveCount(3);
        attachment.Path.Should().Be(platform == IscsiPlatform.Windows ? @"\\.\" + attachment.Devices[0].Name : "/dev/dm-0", because: "the multipath device: the MPIO disk on Windows, the dm map on Linux");
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Multipath_OnePortalDown_AttachesWithTheOthersAndReportsIt(IscsiPlatform platform)
    {
        var host = PlatformHost.Create(platform, Scenario(portals: ("up", "blackholed", "up")));

        var attachment = await host.Connector(new IscsiConnectorOptions { UseMultipath = true }).ConnectVolumeAsync(Info(Portals("target")));

        attachment.Portals.Select(p => p.Outcome).Should().Equal(LoginOutcome.LoggedIn, LoginOutcome.Failed, LoginOutcome.LoggedIn);
        host.Sessions.Should().HaveCount(2);
        host.Records.Should().NotContain("127.0.0.2:3260");
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Multipath_NoPortalUp_FailsAndLeavesNothing(IscsiPlatform platform)
    {
        var host = PlatformHost.Create(platform, Scenario(portals: ("refusing", "blackholed", "refusing")));

        var act = () => host.Connector(new IscsiConnectorOptions { UseMultipath = true }).ConnectVolumeAsync(Info(Portals("target")));

        (await act.Should().ThrowAsync<VolumeAttachException>()).Which.Portals.Should().OnlyContain(p => p.Outcome == LoginOutcome.Failed);
        host.Sessions.Should().BeEmpty();
        host.Records.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Chap_OneWayAndMutual_LogInOnEveryPortal(IscsiPlatform platform)
    {
        foreach (var mutual in new[] { false, true })
        {
            var host = PlatformHost.Create(platform, Scenario(portals: ("up", "up", "up"), chap: true, mutual: mutual));

            var attachment = await host.Connector(new IscsiConnectorOptions { UseMultipath = true }).ConnectVolumeAsync(Info(Portals("target"), Chap(Secret, mutual)));

            attachment.Portals.Should().OnlyContain(p => p.Outcome == LoginOutcome.LoggedIn, because: mutual ? "mutual CHAP" : "one-way CHAP");
            host.Sessions.Should().HaveCount(3);
        }
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Chap_WrongSecret_FailsAsAuthenticationOnEveryPortalWithoutLeakingTheSecretOrLeavingRecords(IscsiPlatform platform)
    {
        var host = PlatformHost.Create(platform, Scenario(portals: ("up", "up", "up"), chap: true));

        var act = () => host.Connector().ConnectVolumeAsync(Info(Portals("target_alternative"), Chap("wrong-secret-14", mutual: false)));

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.IsAuthenticationFailure.Should().BeTrue();
        error.Portals.Should().OnlyContain(p => p.Failure == PortalFailureKind.AuthenticationFailed);
        error.ToString().Should().NotContain("wrong-secret-14");
        host.Sessions.Should().BeEmpty();
        host.Records.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Disconnect_SharedTarget_KeepsTheOtherVolumesSessionUntilItIsDisconnectedToo(IscsiPlatform platform)
    {
        var host = PlatformHost.Create(platform, Scenario(portals: ("up", "up", "up")));
        var connector = host.Connector();
        var first = Info(string.Empty, lun: 1);
        var second = Info(string.Empty, lun: 2);
        var attachedFirst = await connector.ConnectVolumeAsync(first);
        await connector.ConnectVolumeAsync(second);

        var result = await connector.DisconnectVolumeAsync(first, attachedFirst);

        result.KeptSessions.Should().ContainSingle();
        result.LoggedOut.Should().BeEmpty();
        host.Sessions.Should().Equal($"127.0.0.1:3260 {Iqn}");
        (await connector.GetVolumePathsAsync(second)).Should().NotBeEmpty(because: "the other volume's disk must survive");
        (await connector.GetVolumePathsAsync(first)).Should().BeEmpty();

        var last = await connector.DisconnectVolumeAsync(second);

        last.LoggedOut.Should().ContainSingle();
        host.Sessions.Should().BeEmpty();
        host.Records.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Cancellation_AfterTheLoginRan_UndoesTheSessionAndTheRecord(IscsiPlatform platform)
    {
        var host = PlatformHost.Create(platform, Scenario(portals: ("up", "up", "up")));
        var cancelling = new CancelAfterLogin(host.Executor, host.IsLogin);

        var act = () => host.Connector(executor: cancelling).ConnectVolumeAsync(Info(Portals("target_alternative")), cancelling.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        host.Sessions.Should().BeEmpty();
        host.Records.Should().BeEmpty();
        host.HeldLocks.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task BadInput_IsRefusedNamingTheKeyBeforeAnyProcess(IscsiPlatform platform)
    {
        var host = PlatformHost.Create(platform, Scenario(portals: ("up", "up", "up")));
        var info = new ConnectionInfo { Primary = new IscsiPath(new IscsiPortal("127.0.0.1"), "not an iqn", 1) };

        var act = () => host.Connector().ConnectVolumeAsync(info);

        (await act.Should().ThrowAsync<ConnectionInfoException>()).Which.Key.Should().Be("target_iqn");
        host.ProcessStartCount.Should().Be(0);
    }

    [Fact]
    public async Task BadInput_ValuesOnlyWindowsRefuses_AreRefusedBeforeAnyProcess()
    {
        var host = PlatformHost.Create(IscsiPlatform.Windows, Scenario(portals: ("up", "up", "up"), chap: true));

        var lun = () => host.Connector().ConnectVolumeAsync(Info(string.Empty, lun: 300));
        var secret = () => host.Connector().ConnectVolumeAsync(Info(string.Empty, Chap("short", mutual: false)));

        (await lun.Should().ThrowAsync<ConnectionInfoException>()).Which.Key.Should().Be("target_lun");
        (await secret.Should().ThrowAsync<ConnectionInfoException>()).Which.Key.Should().Be("auth_password");
        host.ProcessStartCount.Should().Be(0);
    }

    internal static string Scenario((string, string, string) portals, bool chap = false, bool mutual = false, bool secondLun = true)
    {
        var lun2 = secondLun ? """, { "lun": 2, "size_bytes": 1073741824 }""" : string.Empty;
        var chapJson = !chap ? string.Empty
            : mutual ? $$""", "chap": { "username": "user", "password": "{{Secret}}", "username_in": "target", "password_in": "{{InitiatorSecret}}" }"""
            : $$""", "chap": { "username": "user", "password": "{{Secret}}" }""";
        return $$"""
            {
              "targets": [ { "iqn": "{{Iqn}}", "luns": [ { "lun": 1, "size_bytes": 1073741824 }{{lun2}} ]{{chapJson}} } ],
              "portals": [
                { "address": "127.0.0.1:3260", "state": "{{portals.Item1}}" },
                { "address": "127.0.0.2:3260", "state": "{{portals.Item2}}" },
                { "address": "127.0.0.3:3260", "state": "{{portals.Item3}}" }
              ]
            }
            """;
    }

    internal static ConnectionInfo Info(string extra, string chap = "", int lun = 1) => ConnectionInfo.Parse($$"""
        { "driver_volume_type": "iscsi", "data": { "target_portal": "127.0.0.1:3260", "target_iqn": "{{Iqn}}", "target_lun": {{lun}}{{extra}}{{chap}} } }
        """);

    private static ConnectionInfo Info(string extra, string chap) => Info(extra, chap, 1);

    private static string Portals(string prefix) => prefix == "target"
        ? $$""", "target_portals": ["127.0.0.1:3260", "127.0.0.2:3260", "127.0.0.3:3260"], "target_iqns": ["{{Iqn}}", "{{Iqn}}", "{{Iqn}}"], "target_luns": [1, 1, 1]"""
        : $$""", "target_alternative_portals": ["127.0.0.2:3260", "127.0.0.3:3260"], "target_alternative_iqns": ["{{Iqn}}", "{{Iqn}}"], "target_alternative_luns": [1, 1]""";

    private static string Chap(string secret, bool mutual) => mutual
        ? $$""", "auth_method": "CHAP", "auth_username": "user", "auth_password": "{{secret}}", "auth_username_in": "target", "auth_password_in": "{{InitiatorSecret}}" """
        : $$""", "auth_method": "CHAP", "auth_username": "user", "auth_password": "{{secret}}" """;
}
