using IscsiConnector.IscsiAdm;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using Microsoft.Extensions.Logging;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

/// <summary>CHAP (secrets never shown) and address forms (IPv6, no udev) on the simulated host.</summary>
public sealed class ChapAndAddressTests : IDisposable
{
    private const string Secret = "s3cr3t-Chap-Value";
    private readonly ConnectorFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static string ChapData(string password) =>
        $$"""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"auth_method":"CHAP","auth_username":"user1","auth_password":"{{password}}"}""";

    [Fact]
    public async Task ConnectVolumeAsync_RightChap_LogsInAndTheSecretTravelsOnlyAsASecretArgument()
    {
        _f.Host.AddTarget(Iqn).WithTargetChap(Iqn, "user1", Secret).AddPortal("127.0.0.1:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Chap = new ChapCredentials("user1", Secret) };

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        attachment.Path.Should().Be("/dev/sda");
        var update = _f.Commands.First(c => c.ArgumentValues.Contains("update"));
        update.Arguments.Should().ContainSingle(a => a.Value == Secret).Which.IsSecret.Should().BeTrue();
        update.ToDisplayString().Should().NotContain(Secret);
        _f.Logs.AllText.Should().NotContain(Secret);
        _f.Host.NodeRecords.Single().Settings.Should().Contain("node.session.auth.authmethod", "CHAP").And.Contain("node.session.auth.username", "user1");
    }

    [Fact]
    public async Task ConnectAndDisconnect_RightChapFromJson_NoLogLineOrRenderedCommandHoldsThePassword()
    {
        _f.Host.AddTarget(Iqn).WithTargetChap(Iqn, "user1", Secret).AddPortal("127.0.0.1:3260");

        var attachment = await _f.Connector.ConnectVolumeAsync(Info(ChapData(Secret)));
        await _f.Connector.DisconnectVolumeAsync(Info(ChapData(Secret)), attachment);

        attachment.Path.Should().Be("/dev/sda");
        // The logger is enabled at Trace. Command lines are logged (Trace/Debug) only by ProcessCommandExecutor, so with
        // an injected executor the connector's own events are what there is; the host's rendering stands in for them.
        _f.Logs.Events.Should().Contain(e => e.Level == LogLevel.Information);
        _f.Logs.AllText.Should().NotContain(Secret);
        _f.Host.RenderInvocations().Should().NotContain(Secret).And.Contain("***");
        _f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_WrongChapOnEveryPortal_IsATypedAuthenticationFailureWithoutTheSecret()
    {
        _f.Host.AddTarget(Iqn).WithTargetChap(Iqn, "user1", "the-right-one").AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")], Chap = new ChapCredentials("user1", Secret) };

        var act = () => _f.Connector.ConnectVolumeAsync(info);

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.IsAuthenticationFailure.Should().BeTrue();
        error.IsTransient.Should().BeFalse();
        error.LastNativeCode.Should().Be((int)IscsiAdmExitCode.LoginAuthFailed);
        error.Portals.Should().OnlyContain(p => p.Failure == PortalFailureKind.AuthenticationFailed);
        error.Message.Should().Contain("CHAP").And.NotContain(Secret);
        error.ToString().Should().NotContain(Secret).And.NotContain("the-right-one");
        _f.Logs.AllText.Should().NotContain(Secret);
        _f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_AuthFailureThenDeadPortal_IsNotAnAuthenticationFailure()
    {
        _f.Host.AddTarget(Iqn).WithTargetChap(Iqn, "user1", "other").AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260", PortalState.Refusing);
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")], Chap = new ChapCredentials("user1", Secret) };

        var act = () => _f.Connector.ConnectVolumeAsync(info);

        (await act.Should().ThrowAsync<VolumeAttachException>()).Which.IsAuthenticationFailure.Should().BeFalse();
    }

    [Fact]
    public async Task ConnectVolumeAsync_ChapSecretWithControlCharacter_IsRejectedWithoutEchoingIt()
    {
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Chap = new ChapCredentials("user1", "bad\nXyZzy42") };

        var act = () => _f.Connector.ConnectVolumeAsync(info);

        var error = (await act.Should().ThrowAsync<ConnectionInfoException>()).Which;
        error.Key.Should().Be("auth_password");
        error.Message.Should().NotContain("XyZzy42");
        _f.Host.ProcessStartCount.Should().Be(0);
    }

    [Fact]
    public async Task ConnectVolumeAsync_ChapUserStartingWithDash_IsRejected()
    {
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Chap = new ChapCredentials("-o", Secret) };

        var act = () => _f.Connector.ConnectVolumeAsync(info);

        (await act.Should().ThrowAsync<ConnectionInfoException>()).Which.Key.Should().Be("auth_username");
    }

    [Fact]
    public async Task ConnectVolumeAsync_Ipv6Portal_IsBracketedForIscsiadmAndPlainInByPath()
    {
        _f.Host.AddTarget(Iqn).AddPortal("[fd00::1]:3260");
        var info = Info("""{"target_portal":"[fd00::1]:3260","target_iqn":"IQN","target_lun":1}""");

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        _f.Commands.Should().OnlyContain(c => c.ArgumentValues.SkipWhile(a => a != "-p").Skip(1).First() == "[fd00::1]:3260");
        attachment.ByPath.Should().Be($"/dev/disk/by-path/ip-fd00::1:3260-iscsi-{Iqn}-lun-1");
        _f.Host.ResolvePath(attachment.ByPath!).Should().Be(attachment.Path);
        attachment.Devices.Single().Path.Portal.Host.Should().Be("fd00::1");

        await _f.Connector.DisconnectVolumeAsync(info, attachment);
        _f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_WithoutUdev_HasNoByPathButFindsTheDeviceThroughSysfs()
    {
        _f.Host.Udev = false;
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Path.Should().Be("/dev/sda");
        attachment.ByPath.Should().BeNull();
    }
}
