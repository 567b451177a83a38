namespace IscsiConnector.Tests.Support;

/// <summary>
/// A fake clock. With <see cref="AutoAdvance"/> (the default) every timer that is armed moves the clock
/// forward to its due time and fires at once, so code that waits (Polly delays, Task.Delay) runs without
/// sleeping while the elapsed time it measures is the simulated one. Without it, only <see cref="Advance"/> moves time.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    // Merged (h7-transports) from the h2-exec and h4-connector copies: the optional start and PendingTimers
    // are h2's; tests that step the clock themselves set AutoAdvance = false.
    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public bool AutoAdvance { get; set; } = true;

    /// <summary>Gets how many timers are armed and not yet due.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
            foreach (var timer in due)
            {
                timer.Rearm(_now);
            }
        }

        foreach (var timer in due)
        {
            timer.FireLater();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    DueAt = DateTimeOffset.MaxValue;
                    return true;
                }

                DueAt = owner._now + dueTime;
                owner._timers.Add(this);
            }

            if (owner.AutoAdvance)
            {
                owner.Advance(DueAt - owner.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            }

            return true;
        }

        public void Rearm(DateTimeOffset now)
        {
            owner._timers.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt = now + _period;
                owner._timers.Add(this);
            }
            else
            {
                DueAt = DateTimeOffset.MaxValue;
            }
        }

        // On the thread pool: the code arming the timer (Task.Delay) must finish before its callback runs.
        public void FireLater() => ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                DueAt = DateTimeOffset.MaxValue;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
