namespace IscsiConnector.Testing.Internal;

/// <summary>A timer of <see cref="SimulatedTimeProvider"/>; its fields are guarded by the provider's lock.</summary>
internal sealed class SimulatedTimer(SimulatedTimeProvider owner, TimerCallback callback, object? state, bool isDeadline) : ITimer
{
    private volatile bool _disposed;

    public bool IsDeadline { get; } = isDeadline;

    public TimeSpan? DueAt { get; set; }

    public TimeSpan Period { get; set; } = Timeout.InfiniteTimeSpan;

    public int Version { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        owner.Arm(this, dueTime, period);
        return true;
    }

    public void Fire()
    {
        if (!_disposed)
        {
            callback(state);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        owner.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
