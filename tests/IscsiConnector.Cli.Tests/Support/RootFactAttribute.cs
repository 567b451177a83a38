namespace IscsiConnector.Cli.Tests.Support;

/// <summary>
/// A fact that needs Linux, root and util-linux's <c>setpriv</c>: it takes a capability away from the tool's process and
/// runs a child under another uid (both root-only), to stage what an unprivileged tool meets behind <c>sudo</c>.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public const string SetPriv = "/usr/bin/setpriv";

    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess || !File.Exists(SetPriv) || !HasCapabilities())
        {
            Skip = $"Needs Linux, root with CAP_SETGID, CAP_SETUID and CAP_SETPCAP (not a restricted container), and {SetPriv} (util-linux).";
        }
    }

    // setpriv needs CAP_SETPCAP to shrink the bounding set; the helper's setpriv needs CAP_SETUID and CAP_SETGID (bits 7, 6).
    private static bool HasCapabilities()
    {
        const ulong needed = (1UL << 6) | (1UL << 7) | (1UL << 8);
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["CapEff:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var effective)
            && (effective & needed) == needed;
    }
}
