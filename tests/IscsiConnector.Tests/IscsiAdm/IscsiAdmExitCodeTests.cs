using IscsiConnector.Execution;
using IscsiConnector.IscsiAdm;

namespace IscsiConnector.Tests.IscsiAdm;

public sealed class IscsiAdmExitCodeTests
{
    // Every ISCSI_ERR_* value of open-iscsi (include/iscsi_err.h, iscsiadm(8)) with the expected classification.
    public static TheoryData<int, IscsiAdmExitCode, bool> Table => new()
    {
        { 0, IscsiAdmExitCode.Success, false },
        { 1, IscsiAdmExitCode.Generic, false },
        { 2, IscsiAdmExitCode.SessionNotFound, false },
        { 3, IscsiAdmExitCode.NoMemory, true },
        { 4, IscsiAdmExitCode.Transport, false },
        { 5, IscsiAdmExitCode.Login, false },
        { 6, IscsiAdmExitCode.NodeDatabase, true },
        { 7, IscsiAdmExitCode.InvalidArgument, false },
        { 8, IscsiAdmExitCode.TransportTimeout, false },
        { 9, IscsiAdmExitCode.Internal, true },
        { 10, IscsiAdmExitCode.Logout, false },
        { 11, IscsiAdmExitCode.PduTimeout, false },
        { 12, IscsiAdmExitCode.TransportNotFound, false },
        { 13, IscsiAdmExitCode.Access, false },
        { 14, IscsiAdmExitCode.TransportCapabilities, false },
        { 15, IscsiAdmExitCode.SessionExists, false },
        { 16, IscsiAdmExitCode.InvalidManagementRequest, false },
        { 17, IscsiAdmExitCode.IsnsUnavailable, false },
        { 18, IscsiAdmExitCode.IscsidCommunication, true },
        { 19, IscsiAdmExitCode.FatalLogin, false },
        { 20, IscsiAdmExitCode.IscsidNotConnected, true },
        { 21, IscsiAdmExitCode.NoObjectsFound, false },
        { 22, IscsiAdmExitCode.SysfsLookup, false },
        { 23, IscsiAdmExitCode.HostNotFound, false },
        { 24, IscsiAdmExitCode.LoginAuthFailed, false },
        { 25, IscsiAdmExitCode.IsnsQuery, false },
        { 26, IscsiAdmExitCode.IsnsRegistration, false },
        { 27, IscsiAdmExitCode.OperationNotSupported, false },
        { 28, IscsiAdmExitCode.Busy, true },
        { 29, IscsiAdmExitCode.TryAgain, true },
        { 30, IscsiAdmExitCode.UnknownDiscoveryType, false },
        { 31, IscsiAdmExitCode.ChildTerminated, false },
        { 32, IscsiAdmExitCode.SessionNotConnected, true },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void FromProcessExitCode_EveryKnownCode_MapsToItsMember(int raw, IscsiAdmExitCode expected, bool transient)
    {
        _ = transient;

        IscsiAdmExitCodeExtensions.FromProcessExitCode(raw).Should().Be(expected);
        ((int)expected).Should().Be(raw);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void IsTransient_EveryKnownCode_MatchesClassification(int raw, IscsiAdmExitCode code, bool transient)
    {
        _ = raw;

        code.IsTransient().Should().Be(transient);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void IscsiCommandException_EveryIscsiadmCode_CarriesTypedErrorAndTransience(int raw, IscsiAdmExitCode code, bool transient)
    {
        var error = CommandRunner.ToException(new CommandResult(raw, string.Empty, "err", TimeSpan.Zero), new CommandSpec("/usr/sbin/iscsiadm", "-m", "session"));

        error.ExitCode.Should().Be(raw);
        error.Kind.Should().Be(code.ToErrorKind());
        error.Message.Should().Contain($"({code}: {code.GetDescription()})");
        error.IsTransient.Should().Be(transient);
        error.IsAuthenticationFailure.Should().Be(raw == 24);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void GetDescription_EveryKnownCode_IsSpecific(int raw, IscsiAdmExitCode code, bool transient)
    {
        _ = (raw, transient);

        code.GetDescription().Should().NotBeNullOrWhiteSpace().And.NotBe("unknown error");
    }

    [Fact]
    public void ToErrorKind_EveryCode_MatchesTheKindColumnOfDocsCommandsMd()
    {
        var rows = File.ReadAllLines(IscsiConnector.Tests.Testing.TestBed.RepositoryFile("docs/commands.md"))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(c => c.Length > 5 && int.TryParse(c[1], out _) && c[2].StartsWith('`'))
            .ToDictionary(c => int.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture), c => c[4].Trim('`'));

        foreach (var code in Enum.GetValues<IscsiAdmExitCode>().Where(c => c != IscsiAdmExitCode.Success))
        {
            rows[(int)code].Should().Be(code.ToErrorKind().ToString(), $"docs/commands.md row {(int)code} ({code})");
        }
    }

    [Fact]
    public void Table_CoversEveryEnumMember()
    {
        Enum.GetValues<IscsiAdmExitCode>().Should().HaveCount(Table.Count());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(33)]
    [InlineData(255)]
    public void FromProcessExitCode_UnknownCode_MapsToGeneric(int raw)
    {
        IscsiAdmExitCodeExtensions.FromProcessExitCode(raw).Should().Be(IscsiAdmExitCode.Generic);
    }

    [Fact]
    public void IscsiCommandException_OtherProgram_HasNoTypedErrorEvenForCode24()
    {
        var error = CommandRunner.ToException(new CommandResult(24, string.Empty, string.Empty, TimeSpan.Zero), new CommandSpec("multipath", "-f", "mpatha"));

        error.Kind.Should().Be(IscsiErrorKind.Unknown);
        error.Message.Should().Be("'multipath -f mpatha' failed with exit code 24.");
        error.IsAuthenticationFailure.Should().BeFalse();
        error.IsTransient.Should().BeFalse();
    }

    [Fact]
    public void IscsiCommandException_TimedOut_IsNotTransientAndHasNoExitCode()
    {
        var error = new IscsiCommandException("iscsiadm", "iscsiadm -m session", null, null, "timed out.", timedOut: true);

        error.TimedOut.Should().BeTrue();
        error.Kind.Should().Be(IscsiErrorKind.Unknown);
        error.IsTransient.Should().BeFalse();
    }
}
