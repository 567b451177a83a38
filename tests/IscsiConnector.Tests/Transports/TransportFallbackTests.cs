using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Support;
using IscsiConnector.Tests.Transports.Support;
using IscsiConnector.Transports;
using Microsoft.Extensions.Logging;
using static IscsiConnector.Tests.Transports.Support.TransportFixture;

namespace IscsiConnector.Tests.Transports;

/// <summary>Both fallback settings for every way an iface can be unusable: missing, no hardware, failed login, failed discovery.</summary>
public sealed class TransportFallbackTests
{
    private static readonly ConnectionInfo Single = new() { Primary = PathOf("127.0.0.1") };

    [Fact]
    public async Task ConnectVolumeAsync_IfaceMissingAndFallBack_UsesDefaultAndRecordsWhy()
    {
        using var f = new TransportFixture(_ => { }, withIface: false);

        var attachment = await f.Connector.ConnectVolumeAsync(Single);

        f.IfaceUses().Should().OnlyContain(u => u.Iface == "default");
        var outcome = attachment.Portals.Should().ContainSingle().Subject;
        outcome.Iface.Should().Be("default");
        outcome.TransportFallback.Should().NotBeNull();
        outcome.TransportFallback!.RequestedIface.Should().Be(Cxgb4);
        outcome.TransportFallback.Reason.Should().Be(IscsiTransportFailureReason.IfaceNotFound);
        outcome.TransportFallback.Message.Should().Contain("does not exist");
        f.Logs.Events.Should().Contain(e => e.Id.Id == IscsiEventIds.TransportFallingBack && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task ConnectVolumeAsync_IfaceMissingAndFail_ThrowsBeforeAnyNodeCommand()
    {
        using var f = new TransportFixture(o => o.TransportFallback = TransportFallback.Fail, withIface: false);

        var error = (await f.Connector.Invoking(c => c.ConnectVolumeAsync(Single)).Should().ThrowAsync<IscsiTransportException>()).Which;

        error.Reason.Should().Be(IscsiTransportFailureReason.IfaceNotFound);
        error.IfaceName.Should().Be(Cxgb4);
        f.IfaceUses().Should().BeEmpty();
        f.Logs.Events.Should().Contain(e => e.Id.Id == IscsiEventIds.TransportFailed && e.Level == LogLevel.Error);
    }

    [Theory]
    [InlineData(TransportFallback.FallBackToTcp)]
    [InlineData(TransportFallback.Fail)]
    public async Task ConnectVolumeAsync_HardwareMissing_FollowsThePolicy(TransportFallback policy)
    {
        using var f = new TransportFixture(o => o.TransportFallback = policy, withHardware: false);

        if (policy == TransportFallback.Fail)
        {
            (await f.Connector.Invoking(c => c.ConnectVolumeAsync(Single)).Should().ThrowAsync<IscsiTransportException>())
                .Which.Reason.Should().Be(IscsiTransportFailureReason.HardwareNotFound);
            f.IfaceUses().Should().BeEmpty();
            return;
        }

        var attachment = await f.Connector.ConnectVolumeAsync(Single);
        attachment.Portals.Single().TransportFallback!.Reason.Should().Be(IscsiTransportFailureReason.HardwareNotFound);
        f.IfaceUses().Should().OnlyContain(u => u.Iface == "default");
    }

    [Fact]
    public async Task ConnectVolumeAsync_DriverMismatchAndFail_ThrowsDriverMismatch()
    {
        using var f = new TransportFixture(o => o.TransportFallback = TransportFallback.Fail, withHardware: false);
        f.Host.AddNetworkInterface("eth2", Mac, "e1000e");

        var error = (await f.Connector.Invoking(c => c.ConnectVolumeAsync(Single)).Should().ThrowAsync<IscsiTransportException>()).Which;

        error.Reason.Should().Be(IscsiTransportFailureReason.DriverMismatch);
        error.Message.Should().Contain("e1000e");
    }

    [Fact]
    public async Task ConnectVolumeAsync_HardwareCheckOff_UsesTheIfaceWithoutHardware()
    {
        using var f = new TransportFixture(o => o.VerifyTransportHardware = false, withHardware: false);
        f.Host.LoadTransport("cxgb4i"); // the driver is there, the hardware check (off) cannot see its NIC

        var attachment = await f.Connector.ConnectVolumeAsync(Single);

        attachment.Portals.Single().Iface.Should().Be(Cxgb4);
        f.IfaceUses().Should().OnlyContain(u => u.Iface == Cxgb4);
    }

    [Fact]
    public async Task ConnectVolumeAsync_LoginThroughIfaceFailsAndFallBack_RetriesThePortalOverTcpAfterUndoing()
    {
        using var f = new TransportFixture(_ => { });
        InjectHostNotFound(f);

        var attachment = await f.Connector.ConnectVolumeAsync(Single);

        f.IfaceUses().Should().Equal(
            ("node -o new", Cxgb4), ("node -o update", Cxgb4), ("node --login", Cxgb4), ("node -o delete", Cxgb4),
            ("node -o new", "default"), ("node -o update", "default"), ("node --login", "default"), ("node -o update", "default"));
        var outcome = attachment.Portals.Should().ContainSingle().Subject;
        outcome.Outcome.Should().Be(LoginOutcome.LoggedIn);
        outcome.Iface.Should().Be("default");
        outcome.TransportFallback!.Reason.Should().Be(IscsiTransportFailureReason.LoginFailed);
        outcome.TransportFallback.Message.Should().Contain("exit code 23 (HostNotFound");
        f.Host.Sessions.Should().ContainSingle().Which.Iface.Should().Be("default");
        f.Host.NodeRecords.Should().ContainSingle().Which.Iface.Should().Be("default");
        f.Logs.Events.Should().Contain(e => e.Id.Id == IscsiEventIds.PortalTransportFallback);
    }

    [Fact]
    public async Task DisconnectVolumeAsync_AfterLoginFallback_LogsOutThroughDefault()
    {
        using var f = new TransportFixture(_ => { });
        InjectHostNotFound(f);
        await f.Connector.ConnectVolumeAsync(Single);
        f.Host.ClearInvocations();

        var result = await f.Connector.DisconnectVolumeAsync(Single);

        f.IfaceUses().Should().Equal(("node --logout", "default"), ("node -o delete", "default"));
        result.LoggedOut.Should().ContainSingle();
        f.Host.Sessions.Should().BeEmpty();
        f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_LoginThroughIfaceFailsAndFail_FailsThePortalWithoutTcp()
    {
        using var f = new TransportFixture(o => o.TransportFallback = TransportFallback.Fail);
        InjectHostNotFound(f);

        var error = (await f.Connector.Invoking(c => c.ConnectVolumeAsync(Single)).Should().ThrowAsync<VolumeAttachException>()).Which;

        error.Portals.Should().ContainSingle().Which.Should().Match<PortalOutcome>(p => p.Failure == PortalFailureKind.LoginFailed && p.Iface == Cxgb4 && p.TransportFallback == null);
        f.IfaceUses().Should().NotContain(u => u.Iface == "default");
        f.Host.NodeRecords.Should().BeEmpty("the failed attempt's record is undone");
    }

    [Fact]
    public async Task ConnectVolumeAsync_WrongChapThroughIface_DoesNotFallBack()
    {
        using var f = new TransportFixture(_ => { });
        f.Host.WithTargetChap(Iqn, "chapuser", "chapsecret123");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Chap = new ChapCredentials("chapuser", "wrongsecret99") };

        var error = (await f.Connector.Invoking(c => c.ConnectVolumeAsync(info)).Should().ThrowAsync<VolumeAttachException>()).Which;

        error.IsAuthenticationFailure.Should().BeTrue();
        f.IfaceUses().Should().NotContain(u => u.Iface == "default", "the same credentials would be rejected over TCP too");
    }

    [Fact]
    public async Task ConnectVolumeAsync_DiscoveryThroughIfaceFailsAndFallBack_MovesTheAttachToDefault()
    {
        using var f = new TransportFixture(o => o.UseMultipath = true);
        f.Host.InjectFailure("iscsiadm", ["-m", "discoverydb", "-t", "sendtargets", "-p", "127.0.0.1:3260", "-I", Cxgb4, "--discover"], 1, 11, FixtureFiles.Read("transports/discovery-through-unloaded-offload.stderr.txt"));

        var attachment = await f.Connector.ConnectVolumeAsync(Single);

        f.IfaceUses().Where(u => u.Operation == "discoverydb --discover").Select(u => u.Iface).Should().Equal(Cxgb4, "default");
        f.IfaceUses().Where(u => u.Operation.StartsWith("node", StringComparison.Ordinal)).Should().OnlyContain(u => u.Iface == "default");
        attachment.Portals.Should().OnlyContain(p => p.TransportFallback != null && p.TransportFallback.Message.Contains("SendTargets discovery failed", StringComparison.Ordinal));
    }

    private static void InjectHostNotFound(TransportFixture f) =>
        f.Host.InjectFailure(
            "iscsiadm",
            ["-m", "node", "-T", Iqn, "-p", "127.0.0.1:3260", "-I", Cxgb4, "--login"],
            times: 5,
            exitCode: 23,
            standardError: FixtureFiles.Read("transports/login-offload-host-not-found.stderr.txt"),
            standardOutput: FixtureFiles.Read("transports/login-offload-host-not-found.stdout.txt"));
}
