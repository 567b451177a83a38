using IscsiConnector.Execution;
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
    public void ThrowIfFailed_OtherProgram_HasNoTypedErrorAndNoHint()
    {
        var command = new CommandSpec("multipath", "-f", "mpatha");

        var act = () => Result(1, "map in use").ThrowIfFailed(command);

        var error = act.Should().Throw<IscsiCommandException>().Which;
        error.Kind.Should().Be(IscsiErrorKind.Unknown);
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
    public void ThrowIfFailed_IscsiadmCommand_StaysProgramNeutral()
    {
        // This layer knows no program's codes: the iscsiadm meaning is added by IscsiAdm/ (IscsiAdmFailuresTests).
        var act = () => Result(24, "iscsiadm: Could not log into all portals").ThrowIfFailed(Login);

        var error = act.Should().Throw<IscsiCommandException>().Which;
        error.ExitCode.Should().Be(24);
        error.Kind.Should().Be(IscsiErrorKind.Unknown);
        error.IsAuthenticationFailure.Should().BeFalse();
        error.Message.Should().Be("'iscsiadm -m node -T iqn.2024-01.test.vmspike:chap -p 127.0.0.1:3260 --login' failed with exit code 24. Standard error: iscsiadm: Could not log into all portals.");
    }
}
