using System.Globalization;
using System.Text;

namespace IscsiConnector.Testing.Internal;

/// <summary>Node and discovery record defaults as iscsid.conf ships them (open-iscsi 2.1.8, Debian 12).</summary>
internal static partial class NodeSettings
{
    public const string LoginTimeout = "node.conn[0].timeo.login_timeout";
    public const string LoginRetryMax = "node.session.initial_login_retry_max";
    public const string Scan = "node.session.scan";
    public const string AuthMethod = "node.session.auth.authmethod";
    public const string Username = "node.session.auth.username";
    public const string Password = "node.session.auth.password";
    public const string UsernameIn = "node.session.auth.username_in";
    public const string PasswordIn = "node.session.auth.password_in";

    public const string DiscoveryAuthMethod = "discovery.sendtargets.auth.authmethod";
    public const string DiscoveryUsername = "discovery.sendtargets.auth.username";
    public const string DiscoveryPassword = "discovery.sendtargets.auth.password";
    public const string DiscoveryLoginTimeout = "discovery.sendtargets.timeo.login_timeout";
    public const string DiscoveryReopenMax = "discovery.sendtargets.reopen_max";

    private static readonly string[] SecretKeys = [Password, PasswordIn, DiscoveryPassword, "discovery.sendtargets.auth.password_in"];

    public static Dictionary<string, string> DiscoveryDefaults(PortalAddress portal) => new(StringComparer.Ordinal)
    {
        ["discovery.startup"] = "manual",
        ["discovery.type"] = "sendtargets",
        ["discovery.sendtargets.address"] = portal.Host,
        ["discovery.sendtargets.port"] = portal.Port.ToString(CultureInfo.InvariantCulture),
        [DiscoveryAuthMethod] = "None",
        [DiscoveryUsername] = "<empty>",
        [DiscoveryPassword] = "<empty>",
        ["discovery.sendtargets.auth.username_in"] = "<empty>",
        ["discovery.sendtargets.auth.password_in"] = "<empty>",
        ["node.session.auth.chap_algs"] = "MD5", // sic: captured in discoverydb.txt under the discovery keys
        [DiscoveryLoginTimeout] = "15",
        ["discovery.sendtargets.use_discoveryd"] = "No",
        ["discovery.sendtargets.discoveryd_poll_inval"] = "30",
        [DiscoveryReopenMax] = "5",
        ["discovery.sendtargets.timeo.auth_timeout"] = "45",
        ["discovery.sendtargets.timeo.active_timeout"] = "30",
        ["discovery.sendtargets.iscsi.MaxRecvDataSegmentLength"] = "32768",
    };

    /// <summary>Renders a record as <c>iscsiadm -o show</c> does: <c>key = value</c>, secrets as <c>********</c>.</summary>
    public static string Show(Dictionary<string, string> settings)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in settings)
        {
            var shown = SecretKeys.Contains(key) && value != "<empty>" ? "********" : value;
            text.Append(key).Append(" = ").Append(shown).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads a numeric setting, falling back to iscsid's default when it is missing or not a number.</summary>
    public static int ReadInt(Dictionary<string, string> settings, string key, int fallback) =>
        settings.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : fallback;

    /// <summary>Returns a setting's value, or <see langword="null"/> for iscsiadm's <c>&lt;empty&gt;</c>.</summary>
    public static string? Value(Dictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var value) && value != "<empty>" && value.Length > 0 ? value : null;
}
