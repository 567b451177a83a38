using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing;

/// <summary>
/// A virtual clock for tests: waits complete at once while the clock moves forward by the waited time, so
/// that a 2-minute dead-portal login costs no real time but is still measurable through
/// <see cref="TimeProvider.GetTimestamp"/>, <see cref="GetUtcNow"/> and <see cref="Elapsed"/>.
/// </summary>
/// <remarks>
/// <para>Two kinds of timers are told apart by their callback state:</para>
/// <list type="bullet">
/// <item><description><b>Waits</b> (<c>Task.Delay(…, timeProvider)</c>, Polly retry delays, any one-shot timer): with
/// <see cref="AutoAdvance"/> on they fire as soon as they are armed, on the thread pool, and move the clock to their
/// due time. Deadlines due earlier fire first, in order, so a wait that outlives a timeout is cancelled at the
/// deadline's time and the clock stops there. (Because <c>Task.Delay</c> registers on its token only after creating
/// its timer, a wait that runs past a deadline is re-checked one millisecond of real time later; that is the only
/// real wait this class ever makes.)</description></item>
/// <item><description><b>Deadlines</b> (timers owned by a <see cref="CancellationTokenSource"/>: <c>CancelAfter</c>,
/// Polly's timeout strategy) and periodic timers never advance the clock by themselves; they fire when some wait or
/// <see cref="Advance"/> moves the clock past them. Otherwise every timeout would expire the moment it is set.</description></item>
/// </list>
/// <para><b>Concurrency is modelled honestly but coarsely.</b> There is one clock. A wait moves it to
/// <c>max(now, armedAt + dueTime)</c>, so two waits armed at the same instant overlap (the clock advances by the
/// longer one, not the sum) and sequential waits add up exactly. But a flow that continues after another flow
/// jumped the clock ahead starts its next wait from the later time, so the elapsed time of parallel work is an
/// upper bound, not exact: assert ranges for parallel work and exact values for sequential work.</para>
/// </remarks>
public sealed class SimulatedTimeProvider : TimeProvider
{
    /// <summary>The instant the clock starts at unless told otherwise: 2026-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<SimulatedTimer> _timers = [];
    private readonly DateTimeOffset _start;
    private TimeSpan _now;

    /// <summary>Initializes a clock at <see cref="DefaultStart"/> that advances automatically.</summary>
    public SimulatedTimeProvider()
        : this(DefaultStart)
    {
    }

    /// <summary>Initializes a clock.</summary>
    /// <param name="start">The initial UTC time.</param>
    /// <param name="autoAdvance">Whether waits complete at once (<see langword="true"/>) or only when <see cref="Advance"/> is called.</param>
    public SimulatedTimeProvider(DateTimeOffset start, bool autoAdvance = true)
    {
        _start = start.ToUniversalTime();
        AutoAdvance = autoAdvance;
    }

    /// <summary>Gets a value indicating whether waits complete at once, moving the clock (see remarks of the type).</summary>
    public bool AutoAdvance { get; }

    /// <summary>Gets the virtual time elapsed since the clock started.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>Gets the number of armed timers (waits and deadlines) that have not fired yet.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _start + Elapsed;

    /// <inheritdoc />
    public override long GetTimestamp() => Elapsed.Ticks;

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer due on the way, in due order.</summary>
    /// <param name="delta">How far to move; zero fires timers that are due now.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        TimeSpan target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (TryTakeNextDue(target, out var timer))
        {
            timer.Fire();
        }

        lock (_gate)
        {
            if (_now < target)
            {
                _now = target;
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);

        // A CancellationTokenSource owns its timer (CancelAfter, Polly timeouts): that is a deadline, not a wait.
        var timer = new SimulatedTimer(this, callback, state, isDeadline: state is CancellationTokenSource);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Arms or disarms a timer; called by <see cref="SimulatedTimer.Change"/>.</summary>
    internal void Arm(SimulatedTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        int version;
        lock (_gate)
        {
            timer.Version++;
            version = timer.Version;
            timer.Period = period;
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            if (timer.DueAt is null || !AutoAdvance || timer.IsDeadline || (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero))
            {
                return;
            }
        }

        // Fired from the thread pool, never inline: Task.Delay has not stored its timer yet while CreateTimer runs.
        ThreadPool.UnsafeQueueUserWorkItem(_ => RunWaitToCompletion(timer, version), null);
    }

    internal void Remove(SimulatedTimer timer)
    {
        lock (_gate)
        {
            timer.DueAt = null;
            _timers.Remove(timer);
        }
    }

    private void RunWaitToCompletion(SimulatedTimer wait, int version)
    {
        while (true)
        {
            SimulatedTimer next;
            lock (_gate)
            {
                if (wait.Version != version || wait.DueAt is not { } target)
                {
                    return; // Disarmed, disposed (cancelled) or already fired by Advance.
                }

                if (!TryTakeNextDueLocked(target, out next))
                {
                    return;
                }
            }

            next.Fire();
            if (ReferenceEquals(next, wait))
            {
                return;
            }

            if (next.IsDeadline)
            {
                // A deadline may cancel this very wait, but Task.Delay registers on its token only after creating
                // the timer, so that registration may still be on its way. Re-check a millisecond of real time later:
                // the only real wait in this class, paid only when a wait runs past a deadline.
                _ = Task.Delay(1).ContinueWith(_ => RunWaitToCompletion(wait, version), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                return;
            }
        }
    }

    private bool TryTakeNextDue(TimeSpan target, out SimulatedTimer timer)
    {
        lock (_gate)
        {
            return TryTakeNextDueLocked(target, out timer);
        }
    }

    private bool TryTakeNextDueLocked(TimeSpan target, out SimulatedTimer timer)
    {
        timer = null!;
        foreach (var candidate in _timers)
        {
            // Ties go to the earlier armed timer: List order is creation order and the comparison is strict.
            if (candidate.DueAt is { } due && due <= target && (timer is null || due < timer.DueAt!.Value))
            {
                timer = candidate;
            }
        }

        if (timer is null)
        {
            return false;
        }

        var dueAt = timer.DueAt!.Value;
        if (_now < dueAt)
        {
            _now = dueAt;
        }

        // A periodic timer re-arms one period later; a one-shot timer is spent.
        timer.DueAt = timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan ? dueAt + timer.Period : null;
        return true;
    }
}
