using IscsiConnector.Execution;
using IscsiConnector.Testing;

namespace IscsiConnector.Tests.Testing;

public class FakeCommandExecutorTests
{
    [Fact]
    public async Task ExecuteAsync_NoSetup_ReturnsConfigurableDefault()
    {
        var fake = new FakeCommandExecutor();

        var first = await fake.Iscsiadm("-m", "session");
        fake.DefaultResult = new CommandResult(3, "out", "err", TimeSpan.Zero);
        var second = await fake.Iscsiadm("-m", "session");

        first.Should().BeEquivalentTo(new { ExitCode = 0, StandardOutput = "", StandardError = "" });
        second.Should().BeEquivalentTo(new { ExitCode = 3, StandardOutput = "out", StandardError = "err" });
    }

    [Fact]
    public async Task Setup_ArgumentPrefix_MatchesOnlyThatProgramAndPrefix()
    {
        var fake = new FakeCommandExecutor();
        fake.Setup("iscsiadm", "-m", "session").Returns(21, stderr: "iscsiadm: No active sessions.");

        var session = await fake.Iscsiadm("-m", "session", "-P", "1");
        var node = await fake.Iscsiadm("-m", "node");
        var other = await fake.Run("multipath", "-m", "session");
        var byPath = await fake.Run("/usr/sbin/iscsiadm", "-m", "session");

        session.ExitCode.Should().Be(21);
        session.StandardError.Should().Be("iscsiadm: No active sessions.");
        node.ExitCode.Should().Be(0);
        other.ExitCode.Should().Be(0);
        byPath.ExitCode.Should().Be(21, "the last path segment of the file name matches too");
    }

    [Fact]
    public async Task Returns_Sequence_AnswersSuccessiveCallsAndRepeatsTheLast()
    {
        var fake = new FakeCommandExecutor();
        var setup = fake.Setup("multipath", "-f").Returns(1, stderr: "mpatha: map in use").Returns(1).Returns(0);

        var codes = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await fake.Run("multipath", "-f", "mpatha")).ExitCode);
        }

        codes.Should().Equal(1, 1, 0, 0);
        setup.CallCount.Should().Be(4);
    }

    [Fact]
    public async Task Setup_LaterSetup_WinsOverEarlierBroaderOne()
    {
        var fake = new FakeCommandExecutor();
        fake.Setup("iscsiadm").Returns(99);
        fake.SetupExact("iscsiadm", "-m", "node").Returns(21, stderr: "iscsiadm: No records found");

        (await fake.Iscsiadm("-m", "node")).ExitCode.Should().Be(21);
        (await fake.Iscsiadm("-m", "node", "-T", "x")).ExitCode.Should().Be(99, "SetupExact needs the whole argument list");
    }

    [Fact]
    public async Task SetupContaining_SequenceAnywhere_Matches()
    {
        var fake = new FakeCommandExecutor();
        fake.SetupContaining("iscsiadm", "-p", "127.0.0.3:3260").Returns(8);

        (await fake.Iscsiadm("-m", "node", "-T", "iqn.x", "-p", "127.0.0.3:3260", "--login")).ExitCode.Should().Be(8);
        (await fake.Iscsiadm("-m", "node", "-T", "iqn.x", "-p", "127.0.0.2:3260", "--login")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Setup_Predicate_AndCallback_SeeTheCommand()
    {
        var fake = new FakeCommandExecutor();
        var seen = new List<string>();
        fake.Setup(c => c.ArgumentValues.Contains("--login"), "any login")
            .Callback(c => seen.Add(c.ToDisplayString()))
            .Returns(c => new CommandResult(c.Arguments.Count, "x", "", TimeSpan.Zero));

        var result = await fake.Iscsiadm("-m", "node", "--login");

        result.ExitCode.Should().Be(3);
        seen.Should().Equal("iscsiadm -m node --login");
    }

    [Fact]
    public async Task Throws_StepThrowsTheException()
    {
        var fake = new FakeCommandExecutor();
        fake.Setup("iscsiadm").Throws(new IscsiCommandException("iscsiadm", "iscsiadm", null, null, "could not start"));

        var act = () => fake.Iscsiadm("-m", "session");

        await act.Should().ThrowAsync<IscsiCommandException>().WithMessage("could not start");
        fake.ProcessStartCount.Should().Be(1, "the attempt is recorded even when it throws");
    }

    [Fact]
    public async Task Invocations_RecordInOrderWithTimestampsAndRedactSecrets()
    {
        var time = new SimulatedTimeProvider();
        var fake = new FakeCommandExecutor(time);
        fake.Setup("iscsiadm", "-m", "node").Takes(TimeSpan.FromSeconds(2));

        await fake.ExecuteAsync(new CommandSpec("iscsiadm", ["-m", "node", "-n", "node.session.auth.password", "-v", CommandArgument.Secret("s3cret")]));
        await fake.Iscsiadm("-m", "session");

        fake.Invocations.Select(i => i.Sequence).Should().Equal(1, 2);
        (fake.Invocations[1].StartedAt - fake.Invocations[0].StartedAt).Should().Be(TimeSpan.FromSeconds(2));
        fake.RenderInvocations().Should().Be("iscsiadm -m node -n node.session.auth.password -v ***\niscsiadm -m session");
        fake.RenderInvocations().Should().NotContain("s3cret");
        fake.Invocations[0].Command.Arguments[^1].Value.Should().Be("s3cret", "matching and assertions can still see the real value");
    }

    [Fact]
    public async Task ExecuteAsync_Takes_ReportsDurationOnTheTimeProvider()
    {
        var time = new SimulatedTimeProvider();
        var fake = new FakeCommandExecutor(time);
        fake.Setup("iscsiadm").Takes(TimeSpan.FromMilliseconds(300)).Returns(0);

        var result = await fake.Iscsiadm("-m", "session");

        result.Duration.Should().Be(TimeSpan.FromMilliseconds(300));
        time.Elapsed.Should().Be(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task ExecuteAsync_CancelledToken_ThrowsWithoutRecording()
    {
        var fake = new FakeCommandExecutor();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var act = () => fake.ExecuteAsync(new CommandSpec("iscsiadm", "-m", "session"), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        fake.ProcessStartCount.Should().Be(0);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledDuringDelay_Throws()
    {
        var time = new SimulatedTimeProvider(SimulatedTimeProvider.DefaultStart, autoAdvance: false);
        var fake = new FakeCommandExecutor(time);
        fake.Setup("iscsiadm").Takes(TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource();

        var running = fake.ExecuteAsync(new CommandSpec("iscsiadm", "-m", "session"), cts.Token);
        running.IsCompleted.Should().BeFalse();
        await cts.CancelAsync();

        await running.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task ExecuteAsync_ParallelCalls_AreAllRecorded()
    {
        var fake = new FakeCommandExecutor();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => fake.Iscsiadm("-m", "node", "-T", "iqn.t" + i))));

        fake.ProcessStartCount.Should().Be(200);
        fake.Invocations.Select(i => i.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }
}
