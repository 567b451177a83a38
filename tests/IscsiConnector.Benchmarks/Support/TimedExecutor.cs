using System.Diagnostics;
using IscsiConnector.Execution;

namespace IscsiConnector.Benchmarks.Support;

/// <summary>
/// Passes every command to the simulated host and sums the time spent inside it, so a suite can tell the
/// simulator's time from the connector's. It delegates, so the connector still probes the simulated host's
/// portals as it would an unwrapped one.
/// </summary>
public sealed class TimedExecutor(ICommandExecutor inner) : IDelegatingCommandExecutor
{
    private long _ticks;

    public ICommandExecutor InnerExecutor => inner;

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
        }
    }
}
