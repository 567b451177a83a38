using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Integration.Support;
using static IscsiConnector.Tests.Integration.FailoverIntegrationTests;

namespace IscsiConnector.Tests.Integration;

/// <summary>CHAP and IPv6 end to end on the simulated host.</summary>
public sealed class ChapAndAddressIntegrationTests
{
    private const string Secret = "s3cret-chap-Pa55";

    private static string ChapData(string password) =>
        $$"""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"auth_method":"CHAP","auth_username":"chapuser","auth_password":"{{password}}"}""";

    private static SimRig ChapRig() => SimRig.Create(time => new SimulatedIscsiHost(time).AddTarget(Iqn).WithTargetChap(Iqn, "chapuser", Secret).AddPortal("127.0.0.1:3260"));

    [Fact]
    public async Task ConnectVolumeAsync_RightChap_LogsInAndNoLogLineHoldsThePassword()
    {
        using var rig = ChapRig();

        var attachment = await rig.Connector.ConnectVolumeAsync(Info(ChapData(Secret)));
        await rig.Connector.DisconnectVolumeAsync(Info(ChapData(Secret)), attachment);

        attachment.Path.Should().Be("/dev/sda");
        // The logger is enabled at Trace. Command lines are logged (Trace/Debug) only by ProcessCommandExecutor, so with
        // an injected executor the connector's own events are what there is; the host's rendering stands in for them.
        rig.Logs.Events.Should().Contain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Information);
        rig.Logs.AllText.Should().NotContain(Secret);
        rig.Host.RenderInvocations().Should().NotContain(Secret).And.Contain("***");
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_WrongChap_TypedAuthErrorWithoutThePassword()
    {
        using var rig = ChapRig();
        const string wrong = "wrong-Pa55word-xyz";

        var act = () => rig.Connector.ConnectVolumeAsync(Info(ChapData(wrong)));

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.IsAuthenticationFailure.Should().BeTrue();
        error.Portals.Single().Failure.Should().Be(PortalFailureKind.AuthenticationFailed);
        error.ToString().Should().NotContain(wrong).And.NotContain(Secret);
        rig.Logs.AllText.Should().NotContain(wrong);
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_Ipv6Portal_BracketedForIscsiadmAndUnbracketedInByPath()
    {
        using var rig = SimRig.Create(time => new SimulatedIscsiHost(time).AddTarget(Iqn).AddPortal("[fd00::1]:3260"));
        var info = Info("""{"target_portal":"[fd00::1]:3260","target_iqn":"IQN","target_lun":1}""");

        var attachment = await rig.Connector.ConnectVolumeAsync(info);

        rig.Host.Invocations.Where(c => c.Command.FileName == "iscsiadm")
            .Select(c => c.Command.ArgumentValues.SkipWhile(a => a != "-p").Skip(1).First()).Should().OnlyContain(p => p == "[fd00::1]:3260");
        attachment.ByPath.Should().Be($"/dev/disk/by-path/ip-fd00::1:3260-iscsi-{Iqn}-lun-1");
        rig.Host.ResolvePath(attachment.ByPath!).Should().Be(attachment.Path);

        await rig.Connector.DisconnectVolumeAsync(info, attachment);
        rig.Host.Leaks().Should().BeEmpty();
    }
}
