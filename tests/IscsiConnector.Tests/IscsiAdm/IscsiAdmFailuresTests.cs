using IscsiConnector.Execution;
using IscsiConnector.IscsiAdm;
using IscsiConnector.Tests.Support;
using Moq;

namespace IscsiConnector.Tests.IscsiAdm;

/// <summary>The meaning and hints IscsiAdm/ adds to a failed iscsiadm command, through the path the connector's commands take.</summary>
public sealed class IscsiAdmFailuresTests
{
    // The command exactly as the connector builds it for a login.
    private static readonly CommandSpec Login =
        IscsiAdmCommands.Login(new IscsiPath(new IscsiPortal("127.0.0.1", 3260), "iqn.2024-01.test.vmspike:chap", 1), "default");

    private static CommandResult Result(int exitCode, string standardError = "") => new(exitCode, string.Empty, standardError, TimeSpan.Zero);

    [Fact]
    public void Explain_CapturedChapFailure_ThrowsTypedAuthenticationFailure()
    {
        // Standard error exactly as the test bed captured it for a login with a wrong CHAP secret.
        var stderr = FixtureFiles.Read("iscsiadm/login-chap-failure.stderr.txt");

        var act = () => Result(24, stderr).ThrowIfIscsiAdmFailed(Login, 15);

        var error = act.Should().Throw<IscsiCommandException>().Which;
        error.ExitCode.Should().Be(24);
        error.Kind.Should().Be(IscsiErrorKind.AuthenticationFailed);
        error.IsAuthenticationFailure.Should().BeTrue();
        error.IsTransient.Should().BeFalse();
        error.Program.Should().Be("iscsiadm");
        error.CommandLine.Should().Be(Login.ToDisplayString());
        error.StandardError.Should().StartWith("iscsiadm: Could not login").And.EndWith("Could not log into all portals");
        error.Message.Should().StartWith("'iscsiadm -m node -T iqn.2024-01.test.vmspike:chap -p 127.0.0.1:3260 -I default --login' failed with exit code 24 (LoginAuthFailed: iSCSI login failed due to authorization failure). Standard error: iscsiadm: Could not login")
            .And.Contain("Check the CHAP user name and secret");
    }

    [Fact]
    public void Explain_MutualChapRefusedByInitiator_HintNamesTheIncomingSecretNotOnlyTheAcl()
    {
        // Bed scenario 28: the initiator refuses LIO's mutual discovery CHAP answer, and iscsiadm exits 19, not 24.
        var stderr = FixtureFiles.Read("iscsiadm/discovery-mutual-chap-refused.stderr.txt");
        var discover = IscsiAdmCommands.DiscoveryDbDiscover(new IscsiPortal("127.0.0.9", 3261), "default");

        var act = () => Result(19, stderr).ThrowIfIscsiAdmFailed(discover);

        var error = act.Should().Throw<IscsiCommandException>().Which;
        error.Kind.Should().Be(IscsiErrorKind.LoginRejected);
        error.StandardError.Should().Contain("received incorrect CHAP response from target");
        error.Message.Should().Contain("by this initiator").And.Contain("discovery_auth_password_in").And.Contain("ACL");
    }

    [Fact]
    public void Explain_TransientIscsiadmCode_IsTransient()
    {
        var act = () => Result(6, "iscsiadm: Could not lock discovery DB").ThrowIfIscsiAdmFailed(Login);

        act.Should().Throw<IscsiCommandException>().Which.IsTransient.Should().BeTrue();
    }

    [Fact]
    public void Explain_NoStandardError_MessageStillASentence()
    {
        var act = () => Result(12).ThrowIfIscsiAdmFailed(new CommandSpec("/usr/sbin/iscsiadm", "-m", "discovery"));

        act.Should().Throw<IscsiCommandException>().Which.Message.Should().Be(
            "'/usr/sbin/iscsiadm -m discovery' failed with exit code 12 (TransportNotFound: iSCSI transport module not loaded in kernel or iscsid). The iSCSI transport is not loaded: load its kernel module (modprobe iscsi_tcp) and make sure iscsid is running.");
    }

    [LinuxFact]
    public async Task RunAsync_MissingIscsiadm_AddsOpenIscsiInstallHint()
    {
        var runner = new CommandRunner(new ProcessCommandExecutor(), TimeSpan.FromMinutes(1));

        var act = () => runner.RunAsync(new CommandSpec("/nonexistent/sbin/iscsiadm", "-m", "session"), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<IscsiCommandException>()).Which;
        error.Message.Should().Contain("Could not start").And.Contain("Is open-iscsi installed?");
        error.ExitCode.Should().BeNull();
        error.InnerException.Should().BeOfType<System.ComponentModel.Win32Exception>();
    }

    [Fact]
    public async Task RunAsync_HungIscsiadm_AddsIscsidHint()
    {
        var executor = new Mock<ICommandExecutor>();
        executor.Setup(e => e.ExecuteAsync(It.IsAny<CommandSpec>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IscsiCommandException("iscsiadm", "iscsiadm -m session", null, null, "'iscsiadm -m session' did not finish within 00:02:00.", timedOut: true));

        var act = () => new CommandRunner(executor.Object, TimeSpan.FromMinutes(2)).RunAsync(new CommandSpec("iscsiadm", "-m", "session"), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<IscsiCommandException>()).Which;
        error.TimedOut.Should().BeTrue();
        error.Message.Should().EndWith("check iscsid and the portal, or lower the login timeouts.");
    }

    [Theory]
    [InlineData("iscsiadm", true)]
    [InlineData("/usr/sbin/iscsiadm", true)]
    [InlineData("multipath", false)]
    [InlineData("iscsiadm-wrapper", false)]
    public void IsIscsiAdm_ProgramNameOrPath_DecidesWhetherCodesAreExplained(string program, bool expected)
    {
        IscsiAdmFailures.IsIscsiAdm(program).Should().Be(expected);
        (IscsiAdmFailures.ExplainerFor(new CommandSpec(program, "-m", "session")) is not null).Should().Be(expected);
    }
}

internal static class IscsiAdmResultTestExtensions
{
    public static CommandResult ThrowIfIscsiAdmFailed(this CommandResult result, CommandSpec command, params int[] accepted) =>
        result.ThrowIfFailed(command, IscsiAdmFailures.ExplainerFor(command), accepted);
}
