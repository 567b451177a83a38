namespace IscsiConnector.Readiness.Internal;

/// <summary>What the host check needs to know about the attaches it guards.</summary>
/// <param name="Iface">The open-iscsi iface attaches use (<c>default</c> = software TCP).</param>
/// <param name="Multipath">Whether attaches use dm-multipath, so that multipathd must be running.</param>
/// <param name="FallBackToTcp">Whether an unusable iface falls back to the default TCP iface, so that TCP is what must be there.</param>
/// <param name="RootHelper">The root helper commands go through (empty: none), named in findings; its refusal is a problem of its own.</param>
/// <param name="CacheFor">How long a passing check is trusted before an attach checks again.</param>
/// <param name="SearchPath">The directories a program name is looked up in (this process's <c>PATH</c>), where iscsiadm must be
/// found when no root helper runs it.</param>
internal sealed record HostCheckSettings(string Iface, bool Multipath, bool FallBackToTcp, IReadOnlyList<string> RootHelper, TimeSpan CacheFor, IReadOnlyList<string> SearchPath)
{
    /// <summary>The directories of a <c>PATH</c> value, in order; empty entries (the current directory) are left out.</summary>
    public static IReadOnlyList<string> SearchPathOf(string? path) =>
        [.. (path ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(d => d.StartsWith('/'))];

    /// <summary>How long a passing check is trusted by default: long enough that a burst of attaches checks once,
    /// short enough that a daemon stopped since is noticed before the next burst.</summary>
    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromSeconds(30);

    public bool HasRootHelper => RootHelper.Count > 0;
}
