using IscsiConnector.Execution;
using IscsiConnector.Testing;
using IscsiConnector.Tests.Support;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Tests.Execution;

// These tests start real child processes; /bin/sh scripts stand in for iscsiadm (test code only).
public sealed class ProcessCommandExecutorTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private static CommandSpec Sh(string script, params CommandArgument[] args) =>
        new("/bin/sh", new CommandArgument[] { "-c", script, "sh" }.Concat(args)) { Timeout = Generous };

    [LinuxFact]
    public async Task ExecuteAsync_NonZeroExit_ReturnsResultWithoutThrowing()
    {
        var result = await new ProcessCommandExecutor().ExecuteAsync(Sh("exit 21"));

        result.ExitCode.Should().Be(21);
        result.IsSuccess.Should().BeFalse();
    }

    [LinuxFact]
    public async Task ExecuteAsync_OutputOnBothStreams_KeepsThemApart()
    {
        var result = await new ProcessCommandExecutor().ExecuteAsync(
            Sh("echo 'Logging in to [iface: default]'; echo 'iscsiadm: Could not log into all portals' >&2; exit 24"));

        result.StandardOutput.Should().Be("Logging in to [iface: default]\n");
        result.StandardError.Should().Be("iscsiadm: Could not log into all portals\n");
        result.ExitCode.Should().Be(24);
    }

    [LinuxFact]
    public async Task ExecuteAsync_StandardInput_IsDeliveredAndClosed()
    {
        var command = new CommandSpec("/bin/cat") { StandardInput = "node.name = iqn.x\nsecond line ü\n", Timeout = Generous };

        var result = await new ProcessCommandExecutor().ExecuteAsync(command);

        result.StandardOutput.Should().Be("node.name = iqn.x\nsecond line ü\n");
    }

    [LinuxFact]
    public async Task ExecuteAsync_NoStandardInput_ChildSeesEndOfFileInsteadOfWaiting()
    {
        var result = await new ProcessCommandExecutor().ExecuteAsync(new CommandSpec("/bin/cat") { Timeout = Generous });

        result.ExitCode.Should().Be(0);
        result.StandardOutput.Should().BeEmpty();
    }

    [LinuxFact]
    public async Task ExecuteAsync_TenMegabytesOnEachStream_CompletesWithoutDeadlock()
    {
        const int size = 10 * 1024 * 1024;
        var script = $"head -c {size} /dev/zero | tr '\\0' a; head -c {size} /dev/zero | tr '\\0' b >&2";

        var result = await new ProcessCommandExecutor().ExecuteAsync(Sh(script));

        result.StandardOutput.Length.Should().Be(size);
        result.StandardError.Length.Should().Be(size);
        result.StandardOutput.Should().NotContain("b");
        result.StandardError.Should().NotContain("a");
    }

    [LinuxFact]
    public async Task ExecuteAsync_ArgumentsWithShellCharacters_ArriveVerbatimAsSeparateArguments()
    {
        CommandArgument[] args = ["a b", "$HOME", "\"quoted\"", ";ls", "*", "''"];

        var result = await new ProcessCommandExecutor().ExecuteAsync(Sh("printf '%s\\n' \"$@\"", args));

        result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal("a b", "$HOME", "\"quoted\"", ";ls", "*", "''");
    }

    [LinuxFact]
    public async Task ExecuteAsync_AnyCommand_RunsWithCLocale()
    {
        var result = await new ProcessCommandExecutor().ExecuteAsync(Sh("printf %s \"$LC_ALL\""));

        result.StandardOutput.Should().Be("C");
    }

    [LinuxFact]
    public async Task ExecuteAsync_RootHelper_IsPrependedAsSeparateArguments()
    {
        // env stands in for sudo: "env HELPER_MARK=1 /bin/sh -c …" proves helper, its argument and the program stay separate items.
        var options = new ProcessCommandExecutorOptions { RootHelper = ["env", "HELPER_MARK=from-helper"] };
        var logger = new CapturingLogger<ProcessCommandExecutor>();

        var result = await new ProcessCommandExecutor(options, logger).ExecuteAsync(Sh("printf '%s|%s' \"$HELPER_MARK\" \"$1\"", "arg one"));

        result.StandardOutput.Should().Be("from-helper|arg one");
        logger.WithEventId(IscsiEventIds.CommandStarting).Single().Message
            .Should().StartWith("Running env HELPER_MARK=from-helper /bin/sh -c");
    }

    [LinuxFact]
    public async Task ExecuteAsync_MissingProgram_ThrowsWithInstallHint()
    {
        var command = new CommandSpec("/nonexistent/sbin/iscsiadm", "-m", "session");

        var act = () => new ProcessCommandExecutor().ExecuteAsync(command);

        var error = (await act.Should().ThrowAsync<IscsiCommandException>()).Which;
        error.Message.Should().Contain("Check that '/nonexistent/sbin/iscsiadm' is installed and on PATH").And.Contain("/nonexistent/sbin/iscsiadm -m session");
        error.ExitCode.Should().BeNull();
        error.TimedOut.Should().BeFalse();
        error.Program.Should().Be("/nonexistent/sbin/iscsiadm");
        error.InnerException.Should().NotBeNull();
    }

    [LinuxFact]
    public async Task ExecuteAsync_MissingRootHelper_ThrowsNamingTheHelper()
    {
        var options = new ProcessCommandExecutorOptions { RootHelper = ["no-such-root-helper-7f3a", "-n"] };

        var act = () => new ProcessCommandExecutor(options).ExecuteAsync(new CommandSpec("iscsiadm", "-m", "session"));

        (await act.Should().ThrowAsync<IscsiCommandException>()).Which.Message
            .Should().Contain("root helper 'no-such-root-helper-7f3a'");
    }

    [LinuxFact]
    public async Task ExecuteAsync_Timeout_KillsWholeProcessTreeAndThrowsTimedOut()
    {
        using var pidFile = new TempFile();
        var time = new SimulatedTimeProvider(SimulatedTimeProvider.DefaultStart, autoAdvance: false);
        var logger = new CapturingLogger<ProcessCommandExecutor>();
        var command = Sh("sleep 600 & echo $! > \"$1\"; wait", pidFile.Path) with { Timeout = TimeSpan.FromSeconds(30) };

        var run = new ProcessCommandExecutor(logger: logger, timeProvider: time).ExecuteAsync(command);
        var grandchild = pidFile.WaitForPid(() => time.PendingTimerCount > 0);
        ProcessProbe.IsAlive(grandchild).Should().BeTrue("the grandchild sleep must be running before the timeout");
        time.Advance(TimeSpan.FromSeconds(30));

        var error = (await run.Invoking(t => t).Should().ThrowAsync<IscsiCommandException>()).Which;
        error.TimedOut.Should().BeTrue();
        error.ExitCode.Should().BeNull();
        error.Message.Should().Contain("did not finish within 00:00:30");
        ProcessProbe.WaitUntilGone(grandchild).Should().BeTrue("the grandchild must die with the tree");
        logger.WithEventId(IscsiEventIds.CommandTimedOut).Single().Level.Should().Be(LogLevel.Warning);
    }

    [LinuxFact]
    public async Task ExecuteAsync_ChildNeverReadsLargeInput_TimeoutStillFires()
    {
        // 4 MB is far more than a pipe buffer: the write blocks until the child is killed.
        using var pidFile = new TempFile();
        var time = new SimulatedTimeProvider(SimulatedTimeProvider.DefaultStart, autoAdvance: false);
        var command = Sh("echo $$ > \"$1\"; exec sleep 600", pidFile.Path) with
        {
            StandardInput = new string('x', 4 * 1024 * 1024),
            Timeout = TimeSpan.FromSeconds(30),
        };

        var run = new ProcessCommandExecutor(timeProvider: time).ExecuteAsync(command);
        var child = pidFile.WaitForPid(() => time.PendingTimerCount > 0);
        time.Advance(TimeSpan.FromSeconds(30));

        (await run.Invoking(t => t).Should().ThrowAsync<IscsiCommandException>()).Which.TimedOut.Should().BeTrue();
        ProcessProbe.WaitUntilGone(child).Should().BeTrue();
    }

    [LinuxFact]
    public async Task ExecuteAsync_TimeoutOnSystemClock_Fires()
    {
        var command = new CommandSpec("/bin/sleep", "600") { Timeout = TimeSpan.FromMilliseconds(200) };

        var act = () => new ProcessCommandExecutor().ExecuteAsync(command);

        (await act.Should().ThrowAsync<IscsiCommandException>()).Which.TimedOut.Should().BeTrue();
    }

    [LinuxFact]
    public async Task ExecuteAsync_Cancelled_KillsWholeProcessTreeAndThrowsOperationCanceled()
    {
        using var pidFile = new TempFile();
        using var cancellation = new CancellationTokenSource();
        var logger = new CapturingLogger<ProcessCommandExecutor>();
        var command = Sh("sleep 600 & echo $! > \"$1\"; wait", pidFile.Path);

        var run = new ProcessCommandExecutor(logger: logger).ExecuteAsync(command, cancellation.Token);
        var grandchild = pidFile.WaitForPid(() => true);
        await cancellation.CancelAsync();

        await run.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        ProcessProbe.WaitUntilGone(grandchild).Should().BeTrue("the grandchild must die with the tree");
        logger.WithEventId(IscsiEventIds.CommandCanceled).Should().ContainSingle();
    }

    [Fact]
    public async Task ExecuteAsync_TokenAlreadyCancelled_ThrowsBeforeStarting()
    {
        var logger = new CapturingLogger<ProcessCommandExecutor>();

        var act = () => new ProcessCommandExecutor(logger: logger).ExecuteAsync(new CommandSpec("iscsiadm"), new CancellationToken(true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        logger.Entries.Should().BeEmpty();
    }

    [LinuxFact]
    public async Task ExecuteAsync_AnyRun_LogsTraceBeforeAndDebugAfter()
    {
        var logger = new CapturingLogger<ProcessCommandExecutor>();

        await new ProcessCommandExecutor(logger: logger).ExecuteAsync(Sh("exit 15"));

        logger.Entries.Select(e => (e.Level, e.EventId.Id)).Should().Equal(
            (LogLevel.Trace, IscsiEventIds.CommandStarting),
            (LogLevel.Debug, IscsiEventIds.CommandFinished));
        logger.Entries[1].Message.Should().StartWith("/bin/sh exited with code 15 after ");
    }

    [Fact]
    public void Constructor_RootHelperItemWithSpace_ThrowsExplainingTheListForm()
    {
        var act = () => new ProcessCommandExecutor(new ProcessCommandExecutorOptions { RootHelper = ["sudo -n"] });

        act.Should().Throw<ArgumentException>().WithMessage("*[\"sudo\", \"-n\"]*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_NonPositiveDefaultTimeout_Throws(int seconds)
    {
        var act = () => new ProcessCommandExecutor(new ProcessCommandExecutorOptions { DefaultTimeout = TimeSpan.FromSeconds(seconds) });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
