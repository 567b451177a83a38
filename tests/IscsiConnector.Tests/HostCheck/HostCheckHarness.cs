using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Readiness;
using IscsiConnector.Readiness.Internal;
using IscsiConnector.Linux;
using IscsiConnector.Linux.Internal;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Tests.HostCheck;

/// <summary>A host check over the simulated host (or any executor and file system), as the composition roots build it.</summary>
internal static class HostCheckHarness
{
    public static IscsiHostCheck Create(
        ICommandExecutor executor,
        IHostFileSystem fileSystem,
        bool multipath = false,
        IReadOnlyList<string>? rootHelper = null,
        string iface = "default",
        bool fallBackToTcp = true,
        TimeProvider? time = null,
        IReadOnlyList<string>? searchPath = null)
    {
        rootHelper ??= [];
        var files = new PrivilegedFiles(executor, fileSystem, rootHelper.Count > 0);
        var settings = new HostCheckSettings(iface, multipath, fallBackToTcp, rootHelper, HostCheckSettings.DefaultCacheDuration, searchPath ?? SimulatedPath);
        return new IscsiHostCheck(new OpenIscsiHostProbe(executor, fileSystem, files), settings, time ?? new SimulatedTimeProvider(), logger: null);
    }

    /// <summary>A PATH as root's on Debian: the simulated host's iscsiadm is in /usr/sbin.</summary>
    public static readonly IReadOnlyList<string> SimulatedPath = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static IscsiHostCheck Create(SimulatedIscsiHost host, bool multipath = false, TimeProvider? time = null) =>
        Create(host, host, multipath, time: time);

    public static HostCheckItem Item(this HostCheckResult result, HostRequirement requirement) =>
        result.Items.Single(i => i.Requirement == requirement);
}

/// <summary>The simulated host's files with some replaced or added (another user, a kernel's module lists).</summary>
internal sealed class OverlayFileSystem(IHostFileSystem inner, IReadOnlyDictionary<string, string?> files) : IHostFileSystem
{
    public bool Exists(string path) => files.TryGetValue(path, out var text) ? text is not null : inner.Exists(path);

    public string? ReadAllText(string path) => files.TryGetValue(path, out var text) ? text : inner.ReadAllText(path);

    public void WriteAllText(string path, string contents) => inner.WriteAllText(path, contents);

    public IReadOnlyList<string> ListDirectory(string path) => inner.ListDirectory(path);

    public string? ResolvePath(string path) => inner.ResolvePath(path);

    public IDisposable? TryAcquireLock(string path) => inner.TryAcquireLock(path);
}
