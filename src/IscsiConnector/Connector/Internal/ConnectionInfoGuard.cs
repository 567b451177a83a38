using System.Globalization;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// Re-checks a <see cref="ConnectionInfo"/> before the first command: objects built in code bypass
/// <see cref="ConnectionInfo.Parse"/>, and every value here ends up as an <c>iscsiadm</c> argument.
/// </summary>
internal static class ConnectionInfoGuard
{
    /// <exception cref="ConnectionInfoException">A value could be read as an option or contains control characters or whitespace.</exception>
    public static void Validate(ConnectionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Primary is null)
        {
            throw new ConnectionInfoException("target_portal", "is missing: a connection needs at least one portal, IQN and LUN.");
        }

        CheckPath("target_portal", "target_iqn", "target_lun", info.Primary);
        for (var i = 0; i < info.Alternatives.Count; i++)
        {
            CheckPath(Indexed("target_alternative_portals", i), Indexed("target_alternative_iqns", i), Indexed("target_alternative_luns", i), info.Alternatives[i]);
        }

        for (var i = 0; i < info.Portals.Count; i++)
        {
            CheckPath(Indexed("target_portals", i), Indexed("target_iqns", i), Indexed("target_luns", i), info.Portals[i]);
        }

        CheckChap("auth", info.Chap);
        CheckChap("discovery_auth", info.DiscoveryChap);
    }

    private static string Indexed(string key, int index) => string.Create(CultureInfo.InvariantCulture, $"{key}[{index}]");

    private static void CheckPath(string portalKey, string iqnKey, string lunKey, IscsiPath path)
    {
        CheckWord(portalKey, path.Portal?.Host, "a host name or IP address");
        if (path.Portal!.Port is < 1 or > 65535)
        {
            throw new ConnectionInfoException(portalKey, string.Create(CultureInfo.InvariantCulture, $"port {path.Portal.Port} is outside 1–65535."));
        }

        CheckWord(iqnKey, path.Iqn, "an iqn., eui. or naa. name");
        if (path.Lun is < 0 or > IscsiPath.MaxLun)
        {
            throw new ConnectionInfoException(lunKey, string.Create(CultureInfo.InvariantCulture, $"LUN {path.Lun} is outside 0–{IscsiPath.MaxLun}."));
        }
    }

    private static void CheckChap(string prefix, ChapCredentials? chap)
    {
        if (chap is null)
        {
            return;
        }

        CheckWord(prefix + "_method", chap.Method, "CHAP");
        CheckWord(prefix + "_username", chap.Username, "a CHAP name");
        if (chap.UsernameIn is not null)
        {
            CheckWord(prefix + "_username_in", chap.UsernameIn, "a CHAP name");
        }

        // Secrets may start with '-': they always follow "-v" and getopt takes the next word verbatim.
        // Control characters are still refused (iscsiadm stores records line by line). Never echo the value.
        if (chap.Password.Any(char.IsControl) || (chap.PasswordIn?.Any(char.IsControl) ?? false))
        {
            throw new ConnectionInfoException(prefix + "_password", "contains a control character; CHAP secrets must be printable.");
        }
    }

    private static void CheckWord(string key, string? value, string expected)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConnectionInfoException(key, $"is empty; expected {expected}.");
        }

        if (value.StartsWith('-'))
        {
            throw new ConnectionInfoException(key, $"'{value}' starts with '-' and would be read as a command option; expected {expected}.");
        }

        if (value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new ConnectionInfoException(key, $"contains whitespace or control characters; expected {expected}.");
        }
    }
}
