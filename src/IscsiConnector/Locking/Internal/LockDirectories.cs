using System.Globalization;
using IscsiConnector.Host.Internal;

namespace IscsiConnector.Locking.Internal;

/// <summary>Where lock files go when <see cref="IscsiConnectorOptions.LockDirectory"/> is not set.</summary>
internal static class LockDirectories
{
    /// <summary>The system-wide directory root uses, so every root process on the host shares its locks.</summary>
    public const string Root = "/run/lock/iscsi-connector";

    /// <summary>The default for this process: <see cref="Root"/> for root, a per-user private place otherwise.</summary>
    public static string ForThisProcess() => OperatingSystem.IsLinux()
        ? For(Libc.EffectiveUserId, Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR"))
        : Path.Combine(Path.GetTempPath(), "iscsi-connector");

    /// <summary>
    /// Root: <see cref="Root"/>. Another user: <c>$XDG_RUNTIME_DIR/iscsi-connector</c> (systemd's private
    /// <c>/run/user/&lt;uid&gt;</c>), else <c>/tmp/iscsi-connector-&lt;uid&gt;</c>. The latter sits in a world-writable
    /// directory: the ownership and mode checks on first use refuse one another user created there first.
    /// </summary>
    public static string For(uint effectiveUserId, string? xdgRuntimeDirectory)
    {
        if (effectiveUserId == 0)
        {
            return Root;
        }

        return xdgRuntimeDirectory is { Length: > 1 } runtime && runtime.StartsWith('/')
            ? Path.Combine(runtime, "iscsi-connector")
            : "/tmp/iscsi-connector-" + effectiveUserId.ToString(CultureInfo.InvariantCulture);
    }
}
