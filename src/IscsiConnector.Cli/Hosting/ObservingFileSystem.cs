using IscsiConnector.Cli.Planning;
using IscsiConnector.Host;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Cli.Hosting;

/// <summary>Wraps the host file system: sysfs writes (LUN scans, device deletes) are logged at Trace and recorded for <c>plan</c>; reads pass through.</summary>
internal sealed class ObservingFileSystem(IHostFileSystem inner, ILogger logger, StepRecorder? recorder) : IHostFileSystem
{
    public bool Exists(string path) => inner.Exists(path);

    public string? ReadAllText(string path) => inner.ReadAllText(path);

    public void WriteAllText(string path, string contents)
    {
        recorder?.Add(PlanStep.Write(path, contents));
        CliLog.Writing(logger, contents, path);
        inner.WriteAllText(path, contents);
    }

    public IReadOnlyList<string> ListDirectory(string path) => inner.ListDirectory(path);

    public string? ResolvePath(string path) => inner.ResolvePath(path);

    public IDisposable? TryAcquireLock(string path) => inner.TryAcquireLock(path);
}
