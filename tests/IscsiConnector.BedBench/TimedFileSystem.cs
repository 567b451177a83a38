using System.Diagnostics;
using IscsiConnector.Host;

namespace IscsiConnector.BedBench;

/// <summary>The real file system, timing every access (sysfs, /dev, /etc/iscsi) for the phase breakdown.</summary>
internal sealed class TimedFileSystem(IHostFileSystem inner) : IHostFileSystem
{
    public bool Exists(string path) => Timed("exists", path, () => inner.Exists(path));

    public string? ReadAllText(string path) => Timed("read", path, () => inner.ReadAllText(path));

    public void WriteAllText(string path, string contents) => Timed("write", path, () =>
    {
        inner.WriteAllText(path, contents);
        return true;
    });

    public IReadOnlyList<string> ListDirectory(string path) => Timed("list", path, () => inner.ListDirectory(path));

    public string? ResolvePath(string path) => Timed("resolve", path, () => inner.ResolvePath(path));

    public IDisposable? TryAcquireLock(string path) => Timed("lock", path, () => inner.TryAcquireLock(path));

    private static T Timed<T>(string operation, string path, Func<T> access)
    {
        var record = CallRecord.Current;
        if (record is null)
        {
            return access();
        }

        var startMs = record.NowMs;
        var t0 = Stopwatch.GetTimestamp();
        try
        {
            return access();
        }
        finally
        {
            record.AddSysfs(operation, path, startMs, Stopwatch.GetTimestamp() - t0);
        }
    }
}
