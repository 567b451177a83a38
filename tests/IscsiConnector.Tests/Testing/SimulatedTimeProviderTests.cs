using IscsiConnector.Testing;

namespace IscsiConnector.Tests.Testing;

public class SimulatedTimeProviderTests
{
    [Fact]
    public async Task Delay_AutoAdvance_CompletesAndMovesTheClock()
    {
        var time = new SimulatedTimeProvider();
        var start = time.GetTimestamp();

        await Task.Delay(TimeSpan.FromMinutes(2), time);

        time.GetElapsedTime(start).Should().Be(TimeSpan.FromMinutes(2));
        time.GetUtcNow().Should().Be(SimulatedTimeProvider.DefaultStart + TimeSpan.FromMinutes(2));
        time.Elapsed.Should().Be(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Delay_Sequential_AddUp()
    {
        var time = new SimulatedTimeProvider();

        await Task.Delay(TimeSpan.FromSeconds(3), time);
        await Task.Delay(TimeSpan.FromSeconds(4), time);

        time.Elapsed.Should().Be(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Delay_Parallel_ElapsedIsBetweenTheLongestAndTheSum()
    {
        var time = new SimulatedTimeProvider();

        await Task.WhenAll(Task.Delay(TimeSpan.FromSeconds(10), time), Task.Delay(TimeSpan.FromSeconds(30), time));

        // Overlap when both are armed before either fires; the first may fire before the second is armed.
        new[] { TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(40) }.Should().Contain(time.Elapsed);
    }

    [Fact]
    public async Task Deadline_CancelAfter_DoesNotFireByItself()
    {
        var time = new SimulatedTimeProvider();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60), time);

        await Task.Delay(TimeSpan.FromSeconds(1), time);

        deadline.IsCancellationRequested.Should().BeFalse("a timeout must not expire just because it was set");
        time.Elapsed.Should().Be(TimeSpan.FromSeconds(1));
        time.PendingTimerCount.Should().Be(1);
    }

    [Fact]
    public async Task Deadline_WaitLongerThanDeadline_CancelsAtTheDeadline()
    {
        var time = new SimulatedTimeProvider();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60), time);

        var wait = () => Task.Delay(TimeSpan.FromSeconds(135), time, deadline.Token);

        await wait.Should().ThrowAsync<OperationCanceledException>();
        time.Elapsed.Should().Be(TimeSpan.FromSeconds(60), "the clock stops where the timeout fired");
    }

    [Fact]
    public async Task Deadline_PassedByPolling_Fires()
    {
        var time = new SimulatedTimeProvider();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1), time);
        var polls = 0;

        while (!deadline.IsCancellationRequested && polls < 100)
        {
            polls++;
            await Task.Delay(TimeSpan.FromMilliseconds(100), time);
        }

        deadline.IsCancellationRequested.Should().BeTrue();
        polls.Should().Be(10);
    }

    [Fact]
    public void Advance_Manual_FiresDueTimersInOrder()
    {
        var time = new SimulatedTimeProvider(SimulatedTimeProvider.DefaultStart, autoAdvance: false);
        var fired = new List<string>();
        using var late = time.CreateTimer(_ => fired.Add("late"), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => fired.Add("early"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(3));
        fired.Should().Equal("early");
        time.Advance(TimeSpan.FromSeconds(3));

        fired.Should().Equal("early", "late");
        time.Elapsed.Should().Be(TimeSpan.FromSeconds(6));
    }

    [Fact]
    public void Advance_PeriodicTimer_FiresOncePerPeriod()
    {
        var time = new SimulatedTimeProvider();
        var ticks = 0;
        using var timer = time.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(3.5));

        ticks.Should().Be(3);
    }

    [Fact]
    public void Timer_Disposed_NeverFires()
    {
        var time = new SimulatedTimeProvider(SimulatedTimeProvider.DefaultStart, autoAdvance: false);
        var fired = false;
        var timer = time.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(2));

        fired.Should().BeFalse();
        timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan).Should().BeFalse();
    }

    [Fact]
    public void Advance_Negative_Throws()
    {
        var time = new SimulatedTimeProvider();

        var act = () => time.Advance(TimeSpan.FromSeconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
