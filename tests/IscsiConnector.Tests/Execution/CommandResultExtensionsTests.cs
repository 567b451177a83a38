using IscsiConnector.Execution;
using IscsiConnector.IscsiAdm;
using IscsiConnector.Tests.Support;

namespace IscsiConnector.Tests.Execution;

public sealed class CommandResultExtensionsTests
{
    private static readonly CommandSpec Login =
        new("iscsiadm", "-m", "node", "-T", "iqn.2024-01.test.vmspike:chap", "-p", "127.0.0.1:3260", "--login");

    private static CommandResult Result(int exitCode, string stderr = "") => new(exitCode, string.Empty, stderr, TimeSpan.FromMilliseconds(250));

    [Fact]
    public void ThrowIfFailed_Success_ReturnsSameResult()
    {
        var result = Result(0);

        result.ThrowIfFailed(Login).Should().BeSameAs(result);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(21)]
    public void ThrowIfFailed_AcceptedCode_ReturnsResult(int exitCode)
    {
        var act = () => Result(exitCode).ThrowIfFailed(Login, 15, 21);

        act.Should().NotThrow();
    }

    [Fact]
    public void ThrowIfFailed_CapturedChapFailure_ThrowsTypedAuthenticationFailure()
    {
        // Standard error exactly as the test bed captured it for a login with a wrong CHAP secret.
        var stderr = FixtureFiles.Read("iscsiadm/login-chap-failure.stderr.txt");

        var act = () => Result(24, stderr).ThrowIfFailed(Login, 15);

        var error = act.Should().Throw<IscsiCommandException>().Which;
        error.ExitCode.Should().Be(24);
        error.IscsiAdmError.Should().Be(IscsiAdmExitCode.LoginAuthFailed);
        error.IsAuthenticationFailure.Should().BeTrue();
        error.IsTransient.Should().BeFalse();
        error.Program.Should().Be("iscsiadm");
        error.CommandLine.Should().Be(Login.ToDisplayString());
        error.StandardError.Should().StartWith("iscsiadm: Could not login").And.EndWith("Could not log into all portals");
        error.Message.Should().StartWith("'iscsiadm -m node -T iqn.2024-01.test.vmspike:chap -p 127.0.0.1:3260 --login' failed with exit code 24 (LoginAuthFailed: iSCSI login failed due to authorization failure). Standard error: iscsiadm: Could not login")
            .And.Contain("Check the CHAP user name and secret");
    }

    [Fact]
    public void ThrowIfFailed_TransientIscsiadmCode_IsTransient()
    {
        var act = () => Result(6, "iscsiadm: Could not lock discovery DB").ThrowIfFailed(Login);

        act.Should().Throw<IscsiCommandException>().Which.IsTransient.Should().BeTrue();
    }

    [Fact]
    public void ThrowIfFailed_OtherProgram_HasNoTypedErrorAndNoHint()
    {
        var command = new CommandSpec("multipath", "-f", "mpatha");

        var act = () => Result(1, "map in use").ThrowIfFailed(command);

        var error = act.Should().Throw<IscsiCommandException>().Which;
        error.IscsiAdmError.Should().BeNull();
        error.IsTransient.Should().BeFalse();
        error.Message.Should().Be("'multipath -f mpatha' failed with exit code 1. Standard error: map in use.");
    }

    [Fact]
    public void ThrowIfFailed_HugeStandardError_IsTrimmedOnExceptionAndMessage()
    {
        var act = () => Result(1, new string('x', 20_000)).ThrowIfFailed(Login);

        var error = act.Should().Throw<IscsiCommandException>().Which;
        error.StandardError.Length.Should().BeLessThanOrEqualTo(IscsiCommandException.MaxStandardErrorLength + 1);
        error.Message.Length.Should().BeLessThan(1000);
    }

    [Fact]
    public void ThrowIfFailed_NoStandardError_MessageStillASentence()
    {
        var act = () => Result(12).ThrowIfFailed(new CommandSpec("/usr/sbin/iscsiadm", "-m", "discovery"));

        act.Should().Throw<IscsiCommandException>().Which.Message.Should().Be(
            "'/usr/sbin/iscsiadm -m discovery' failed with exit code 12 (TransportNotFound: iSCSI transport module not loaded in kernel or iscsid). The iSCSI transport is not loaded: load its kernel module (modprobe iscsi_tcp) and make sure iscsid is running.");
    }
}
