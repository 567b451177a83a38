using IscsiConnector.Host;

namespace IscsiConnector.Tests.Transports.Support;

/// <summary>The simulated host's sysfs with extra hardware (NICs, offload hosts) laid over it; writes go to the host.</summary>
internal sealed class OverlayFileSystem(IHostFileSystem host, FakeSysfs extra) : IHostFileSystem
{
    public bool Exists(string path) => extra.Exists(path) || host.Exists(path);

    public string? ReadAllText(string path) => extra.ReadAllText(path) ?? host.ReadAllText(path);

    public void WriteAllText(string path, string contents) => host.WriteAllText(path, contents);

    public IReadOnlyList<string> ListDirectory(string path) => extra.ListDirectory(path).Concat(host.ListDirectory(path)).Distinct(StringComparer.Ordinal).ToList();

    public string? ResolvePath(string path) => extra.ResolvePath(path) ?? host.ResolvePath(path);
}
