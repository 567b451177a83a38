using IscsiConnector.IscsiAdm;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

public sealed class ChapAndAddressTests : IDisposable
{
    private const string Secret = "s3cr3t-Chap-Value";
    private readonly ConnectorFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ConnectVolumeAsync_RightChap_LogsInAndTheSecretTravelsOnlyAsASecretArgument()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid).Chap = ("user1", Secret);
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Chap = new ChapCredentials("user1", Secret) };

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        attachment.Path.Should().Be("/dev/sda");
        var update = _f.Host.Commands.Single(c => c.ArgumentValues.Contains("update"));
        update.Arguments.Should().ContainSingle(a => a.Value == Secret).Which.IsSecret.Should().BeTrue();
        update.ToDisplayString().Should().NotContain(Secret);
        _f.Logs.AllText.Should().NotContain(Secret);
        _f.Host.Nodes[("127.0.0.1", 3260, Iqn)].Should().Contain("node.session.auth.authmethod", "CHAP").And.Contain("node.session.auth.username", "user1");
    }

    [Fact]
    public async Task ConnectVolumeAsync_WrongChapOnEveryPortal_IsATypedAuthenticationFailureWithoutTheSecret()
    {
        var target = _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        target.Chap = ("user1", "the-right-one");
        _f.Host.Export(target, "127.0.0.2");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")], Chap = new ChapCredentials("user1", Secret) };

        var act = () => _f.Connector.ConnectVolumeAsync(info);

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.IsAuthenticationFailure.Should().BeTrue();
        error.IsTransient.Should().BeFalse();
        error.LastNativeCode.Should().Be((int)IscsiAdmExitCode.LoginAuthFailed);
        error.Portals.Should().OnlyContain(p => p.Failure == PortalFailureKind.AuthenticationFailed);
        error.Message.Should().Contain("CHAP").And.NotContain(Secret);
        error.ToString().Should().NotContain(Secret);
        _f.Logs.AllText.Should().NotContain(Secret);
        _f.Host.Nodes.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_AuthFailureThenDeadPortal_IsNotAnAuthenticationFailure()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid).Chap = ("user1", "other");
        _f.Host.Portal("127.0.0.2").State = MiniPortalState.Refused;
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
        _f.Host.Commands.Should().BeEmpty();
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
        _f.Host.AddTarget("fd00::1", Iqn).AddLun(1, Wwid);

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("fd00::1") });

        _f.Host.Commands.Should().OnlyContain(c => c.ArgumentValues.Contains("[fd00::1]:3260"));
        attachment.ByPath.Should().Be($"/dev/disk/by-path/ip-fd00::1:3260-iscsi-{Iqn}-lun-1");
        attachment.Devices.Single().Path.Portal.Host.Should().Be("fd00::1");
    }

    [Fact]
    public async Task ConnectVolumeAsync_WithoutUdev_HasNoByPathButFindsTheDeviceThroughSysfs()
    {
        _f.Host.Udev = false;
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Path.Should().Be("/dev/sda");
        attachment.ByPath.Should().BeNull();
    }
}
