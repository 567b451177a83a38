using System.Diagnostics;
using IscsiConnector.Host;

namespace IscsiConnector.Benchmarks.Support;

/// <summary>
/// Passes every call to the simulated host's file system and sums the time spent inside it (waiting for the
/// host's lock included), so a suite can show how much of its figure is the simulator rather than the connector.
/// </summary>
public sealed class TimedFileSystem(IHostFileSystem inner) : IHostFileSystem
{
    private long _ticks;
    private int _calls;

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public int Calls => Volatile.Read(ref _calls);

    public bool Exists(string path) => Time(() => inner.Exists(path));

    public string? ReadAllText(string path) => Time(() => inner.ReadAllText(path));

    public void WriteAllText(string path, string contents) => Time(() =>
    {
        inner.WriteAllText(path, contents);
        return true;
    });

    public IReadOnlyList<string> ListDirectory(string path) => Time(() => inner.ListDirectory(path));

    public string? ResolvePath(string path) => Time(() => inner.ResolvePath(path));

    public IDisposable? TryAcquireLock(string path) => Time(() => inner.TryAcquireLock(path));

    private T Time<T>(Func<T> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return call();
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
            Interlocked.Increment(ref _calls);
        }
    }
}
