using IscsiConnector.Execution;

namespace IscsiConnector.Linux.Internal;

/// <summary>The non-iscsiadm commands: dm-multipath and block device flushing.</summary>
internal static class LinuxCommands
{
    public static CommandSpec MultipathdAddPath(string devicePath) => new("multipathd", "add", "path", devicePath) { Timeout = TimeSpan.FromSeconds(5) };

    public static CommandSpec MultipathAddWwid(string wwid) => new("multipath", "-a", wwid) { Timeout = TimeSpan.FromSeconds(10) };

    public static CommandSpec MultipathdShowStatus() => new("multipathd", "show", "status") { Timeout = TimeSpan.FromSeconds(10) };

    public static CommandSpec MultipathdResize(string mapName) => new("multipathd", "resize", "map", mapName);

    public static CommandSpec MultipathFlush(string mapName) => new("multipath", "-f", mapName);

    public static CommandSpec BlockdevFlush(string devicePath) => new("blockdev", "--flushbufs", devicePath);
}
