namespace IscsiConnector.Cli.Hosting;

/// <summary>
/// A clock that runs <c>1 / scale</c> times faster than the system clock, for <c>--simulate --time-scale</c>:
/// the simulated host and the connector share it, so a dead portal's 5 s login timeout takes
/// 5 s × scale of real time while every reported duration stays in simulated seconds.
/// </summary>
internal sealed class ScaledTimeProvider : TimeProvider
{
    private readonly double _scale;
    private readonly long _origin = System.GetTimestamp();
    private readonly DateTimeOffset _start = System.GetUtcNow();

    public ScaledTimeProvider(double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        _scale = scale;
    }

    public override long TimestampFrequency => System.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public override long GetTimestamp() => _origin + (long)((System.GetTimestamp() - _origin) / _scale);

    public override DateTimeOffset GetUtcNow() => _start + TimeSpan.FromTicks((long)((System.GetUtcNow() - _start).Ticks / _scale));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    private TimeSpan ToReal(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero ? simulated : TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks * _scale)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.ToReal(dueTime), owner.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
