using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Testing.Windows;
using IscsiConnector.Windows.Internal;

namespace IscsiConnector.Tests.Windows;

/// <summary>The PowerShell layer against the simulated Windows initiator: one process per script, replies read as JSON, failures by code.</summary>
public sealed class WindowsScriptsTests
{
    private const string Iqn = "iqn.2010-10.org.openstack:volume-win";
    private static readonly IscsiPath Path1 = new(new IscsiPortal("127.0.0.1"), Iqn, 1);

    private readonly SimulatedTimeProvider _time = new();
    private readonly SimulatedWindowsInitiator _host;
    private readonly WindowsScripts _scripts;

    public WindowsScriptsTests()
    {
        _host = new SimulatedWindowsInitiator(_time).AddTarget(Iqn).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260", PortalState.Refusing).AddPortal("127.0.0.3:3260", PortalState.Blackholed);
        _scripts = new WindowsScripts(_host, WindowsScriptSettings.Default);
    }

    [Fact]
    public async Task ConnectAsync_HealthyPortal_CreatesPortalAndSessionAndFindsTheLunsDiskInOneProcess()
    {
        var attempt = await _scripts.ConnectAsync(Request(Path1), default);

        attempt.Succeeded.Should().BeTrue();
        attempt.Reply.PortalCreated.Should().BeTrue();
        attempt.Reply.SessionCreated.Should().BeTrue();
        attempt.Reply.Device!.ScsiLun.Should().Be(1);
        attempt.Reply.Disk!.Number.Should().Be(attempt.Reply.Device.DeviceNumber);
        attempt.Reply.Disk.UniqueIdFormat.Should().Be(MsftDisk.NaaUniqueIdFormat);
        attempt.Reply.Session!.TargetNodeAddress.Should().Be(Iqn);
        _host.ProcessStartCount.Should().Be(1);
        _host.Sessions.Should().ContainSingle().Which.AuthenticationType.Should().Be("NONE");
    }

    [Fact]
    public async Task ConnectAsync_SecondTime_ReusesPortalAndSession()
    {
        await _scripts.ConnectAsync(Request(Path1), default);

        var again = await _scripts.ConnectAsync(Request(Path1), default);

        again.Succeeded.Should().BeTrue();
        again.Reply.PortalCreated.Should().BeFalse();
        again.Reply.SessionCreated.Should().BeFalse();
        _host.Sessions.Should().ContainSingle();
    }

    [Fact]
    public async Task ConnectAsync_RefusingPortal_FailsAtPortalWithConnectionFailedAsTransient()
    {
        var attempt = await _scripts.ConnectAsync(Request(Path1 with { Portal = new IscsiPortal("127.0.0.2") }), default);

        attempt.Failure.Should().NotBeNull();
        attempt.Reply.Step.Should().Be("portal");
        attempt.Failure!.Kind.Should().Be(IscsiErrorKind.Unreachable);
        attempt.Failure.ExitCode.Should().Be(unchecked((int)0xEFFF0003));
        attempt.Failure.Message.Should().Contain("0xEFFF0003 (ISDSC_CONNECTION_FAILED)").And.Contain("check its address and port").And.Contain("step 'portal'");
        attempt.Reply.PortalCreated.Should().BeFalse();
        _host.TargetPortals.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectAsync_BlackholedPortal_CostsTheUnreachableTime()
    {
        var before = _time.Elapsed;

        var attempt = await _scripts.ConnectAsync(Request(Path1 with { Portal = new IscsiPortal("127.0.0.3") }), default);

        attempt.Failure!.Kind.Should().Be(IscsiErrorKind.Unreachable);
        (_time.Elapsed - before).Should().Be(_host.UnreachablePortalCost);
    }

    [Fact]
    public async Task ConnectAsync_WrongChap_FailsAsAuthenticationWithoutTheSecretAndKeepsWhatItCreatedInTheReply()
    {
        _host.WithTargetChap(Iqn, "user", "right-secret-123");

        var attempt = await _scripts.ConnectAsync(Request(Path1, new ChapCredentials("user", "wrong-secret-12")), default);

        attempt.Failure!.IsAuthenticationFailure.Should().BeTrue();
        attempt.Reply.Step.Should().Be("session");
        attempt.Failure.Message.Should().NotContain("wrong-secret-12").And.Contain("ISDSC_AUTHENTICATION_FAILURE");
        attempt.Reply.PortalCreated.Should().BeTrue(because: "the undo must know the discovery record is this attempt's");
        _host.Sessions.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectAsync_MutualChap_SetsTheInitiatorSecretAndLogsIn()
    {
        _host.WithTargetChap(Iqn, "user", "target-secret-1", "target", "initiator-sec-1");

        var attempt = await _scripts.ConnectAsync(Request(Path1, new ChapCredentials("user", "target-secret-1", "target", "initiator-sec-1")), default);

        attempt.Succeeded.Should().BeTrue();
        _host.Sessions.Should().ContainSingle().Which.AuthenticationType.Should().Be("MUTUALCHAP");
        var command = _host.Invocations.Single().Command;
        command.Environment[ScriptEnvironment.ChapSecret].IsSecret.Should().BeTrue();
        command.Environment[ScriptEnvironment.InitiatorChapSecret].IsSecret.Should().BeTrue();
    }

    [Fact]
    public async Task ConnectAsync_TargetNotOffered_FailsAtTarget()
    {
        var attempt = await _scripts.ConnectAsync(Request(Path1 with { Iqn = "iqn.2010-10.org.openstack:other" }), default);

        attempt.Failure!.Kind.Should().Be(IscsiErrorKind.NotFound);
        attempt.Reply.Error!.Reason.Should().Be(ScriptError.TargetNotOffered);
        attempt.Reply.Step.Should().Be("target");
    }

    [Fact]
    public async Task ConnectAsync_MissingLun_WaitsForTheDiskUntilTheDeadlineThenFails()
    {
        var before = _time.Elapsed;

        var attempt = await _scripts.ConnectAsync(Request(Path1 with { Lun = 7 }), default);

        attempt.Reply.Error!.Reason.Should().Be(ScriptError.NoDisk);
        attempt.Failure!.Kind.Should().Be(IscsiErrorKind.NotFound);
        attempt.Reply.SessionCreated.Should().BeTrue();
        (_time.Elapsed - before).Should().BeGreaterThanOrEqualTo(WindowsScriptSettings.Default.DiskTimeout);
    }

    [Fact]
    public async Task ConnectAsync_SlowScan_PollsInsideTheScript()
    {
        _host.WithScanDelay(TimeSpan.FromSeconds(2));

        var attempt = await _scripts.ConnectAsync(Request(Path1), default);

        attempt.Succeeded.Should().BeTrue();
        _host.ProcessStartCount.Should().Be(1);
    }

    [Theory]
    [InlineData(300, null, null, "127.0.0.1", "target_lun")]
    [InlineData(1, "short", null, null, "auth_password")]
    [InlineData(1, "target-secret-1", "target-secret-1", null, "auth_password_in")]
    [InlineData(1, null, null, "eth0", "initiator portal address (iface)")]
    public async Task ConnectAsync_ValueWindowsCannotTake_IsRefusedBeforeAnyProcess(int lun, string? secret, string? secretIn, string? initiatorPortal, string key)
    {
        var chap = secret is null ? null : new ChapCredentials("user", secret, secretIn is null ? null : "target", secretIn);

        var act = () => _scripts.ConnectAsync(Request(Path1 with { Lun = lun }, chap) with { InitiatorPortalAddress = initiatorPortal }, default);

        var error = (await act.Should().ThrowAsync<ConnectionInfoException>()).Which;
        error.Key.Should().Be(key);
        error.Message.Should().NotContain("target-secret-1");
        _host.ProcessStartCount.Should().Be(0);
    }

    [Fact]
    public async Task DisconnectAsync_EndsTheSessionAndRemovesTheUnusedPortal_KeepsAPortalAnotherSessionUses()
    {
        _host.AddTarget("iqn.2010-10.org.openstack:volume-other");
        var mine = await _scripts.ConnectAsync(Request(Path1), default);
        await _scripts.ConnectAsync(Request(Path1 with { Iqn = "iqn.2010-10.org.openstack:volume-other" }), default);
        var portal = new PortalArgument { TargetPortalAddress = "127.0.0.1", TargetPortalPortNumber = 3260 };

        var reply = await _scripts.DisconnectAsync(new DisconnectArguments { SessionIdentifiers = [mine.Reply.Session!.SessionIdentifier!], Portals = [portal] }, default);

        reply.Disconnected.Should().Equal(mine.Reply.Session.SessionIdentifier);
        reply.PortalsKept.Should().ContainSingle(because: "the other volume's session still uses the portal");
        _host.Sessions.Should().ContainSingle().Which.Iqn.Should().Be("iqn.2010-10.org.openstack:volume-other");
        _host.TargetPortals.Should().ContainSingle();
    }

    [Fact]
    public async Task ReadHostAsync_ReportsInitiatorNameMpioAndSessionsWithDisks()
    {
        await _scripts.ConnectAsync(Request(Path1), default);

        var reply = await _scripts.ReadHostAsync(default);

        reply.InitiatorPorts.Should().ContainSingle().Which.NodeAddress.Should().Be(_host.InitiatorName);
        reply.Mpio!.Usable.Should().BeTrue();
        reply.TargetPortals.Should().ContainSingle();
        var session = reply.Sessions.Should().ContainSingle().Subject;
        session.Devices.Should().ContainSingle().Which.ScsiLun.Should().Be(1);
        session.Disks.Should().ContainSingle().Which.Number.Should().Be((uint)_host.Disks.Single().Number);
    }

    internal static WindowsConnectRequest Request(IscsiPath path, ChapCredentials? chap = null) => new(path, null, null, Multipath: false, chap);
}
