using System.Globalization;
using System.Text;

namespace IscsiConnector.Testing.Internal;

/// <summary>Node and discovery record defaults as iscsid.conf ships them (open-iscsi 2.1.8, Debian 12).</summary>
internal static class NodeSettings
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

    public static Dictionary<string, string> Defaults(string iqn, PortalAddress portal, string iface, int tpgt) => new(StringComparer.Ordinal)
    {
        ["node.name"] = iqn,
        ["node.tpgt"] = tpgt.ToString(CultureInfo.InvariantCulture),
        ["node.startup"] = "manual",
        ["node.leading_login"] = "No",
        ["iface.iscsi_ifacename"] = iface,
        ["iface.transport_name"] = iface == "iser" ? "iser" : "tcp",
        ["iface.initiatorname"] = "<empty>",
        ["node.discovery_address"] = portal.Host,
        ["node.discovery_port"] = portal.Port.ToString(CultureInfo.InvariantCulture),
        ["node.discovery_type"] = tpgt < 0 ? "static" : "send_targets",
        ["node.session.initial_cmdsn"] = "0",
        [LoginRetryMax] = "8",
        ["node.session.xmit_thread_priority"] = "-20",
        ["node.session.cmds_max"] = "128",
        ["node.session.queue_depth"] = "32",
        ["node.session.nr_sessions"] = "1",
        [AuthMethod] = "None",
        [Username] = "<empty>",
        [Password] = "<empty>",
        [UsernameIn] = "<empty>",
        [PasswordIn] = "<empty>",
        ["node.session.timeo.replacement_timeout"] = "120",
        ["node.session.err_timeo.abort_timeout"] = "15",
        ["node.session.err_timeo.lu_reset_timeout"] = "30",
        ["node.session.err_timeo.tgt_reset_timeout"] = "30",
        ["node.session.err_timeo.host_reset_timeout"] = "60",
        ["node.session.iscsi.FastAbort"] = "Yes",
        ["node.session.iscsi.InitialR2T"] = "No",
        ["node.session.iscsi.ImmediateData"] = "Yes",
        ["node.session.scan"] = "auto",
        ["node.conn[0].address"] = portal.Host,
        ["node.conn[0].port"] = portal.Port.ToString(CultureInfo.InvariantCulture),
        ["node.conn[0].startup"] = "manual",
        ["node.conn[0].tcp.window_size"] = "524288",
        [LoginTimeout] = "15",
        ["node.conn[0].timeo.logout_timeout"] = "15",
        ["node.conn[0].timeo.auth_timeout"] = "45",
        ["node.conn[0].timeo.noop_out_interval"] = "5",
        ["node.conn[0].timeo.noop_out_timeout"] = "5",
    };

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
