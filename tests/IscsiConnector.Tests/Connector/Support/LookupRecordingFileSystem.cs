using IscsiConnector.Host;

namespace IscsiConnector.Tests.Connector.Support;

/// <summary>
/// Passes every call to the host's file system and records each <see cref="Exists"/> with the clock's time, so a test
/// can count how often (and when) the connector looked for a file.
/// </summary>
internal sealed class LookupRecordingFileSystem(IHostFileSystem inner, TimeProvider time) : IHostFileSystem
{
    private readonly List<(string Path, DateTimeOffset At)> _lookups = [];

    /// <summary>The <see cref="Exists"/> calls so far whose path starts with <paramref name="prefix"/>, in order.</summary>
    public List<(string Path, DateTimeOffset At)> LookupsUnder(string prefix)
    {
        lock (_lookups)
        {
            return _lookups.Where(l => l.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        }
    }

    public bool Exists(string path)
    {
        lock (_lookups)
        {
            _lookups.Add((path, time.GetUtcNow()));
        }

        return inner.Exists(path);
    }

    public string? ReadAllText(string path) => inner.ReadAllText(path);

    public void WriteAllText(string path, string contents) => inner.WriteAllText(path, contents);

    public IReadOnlyList<string> ListDirectory(string path) => inner.ListDirectory(path);

    public string? ResolvePath(string path) => inner.ResolvePath(path);

    public IDisposable? TryAcquireLock(string path) => inner.TryAcquireLock(path);
}
