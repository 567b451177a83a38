using System.Globalization;
using IscsiConnector.Execution;

namespace IscsiConnector.IscsiAdm;

/// <summary>
/// Typed builders for the <c>iscsiadm</c> commands the connector runs. Every value travels as its own
/// argument; CHAP secrets as <see cref="CommandArgument.Secret"/>.
/// </summary>
internal static class IscsiAdmCommands
{
    public const string Program = "iscsiadm";

    /// <summary><c>iscsiadm -m node -T &lt;iqn&gt; -p &lt;portal&gt; -I &lt;iface&gt; -o new</c>.</summary>
    public static CommandSpec NodeNew(IscsiPath path, string iface) => Node(path, iface, "-o", "new");

    /// <summary><c>iscsiadm -m node -T … -p … -I … -o update -n k -v v [-n k -v v …]</c>: every setting in one process.</summary>
    public static CommandSpec NodeUpdate(IscsiPath path, string iface, IEnumerable<(string Key, CommandArgument Value)> settings) =>
        Update(NodeArguments(path, iface), settings);

    /// <summary><c>iscsiadm -m node -T … -p … -I … --login</c>.</summary>
    public static CommandSpec Login(IscsiPath path, string iface) => Node(path, iface, "--login");

    /// <summary><c>iscsiadm -m node -T … -p … -I … --logout</c>.</summary>
    public static CommandSpec Logout(IscsiPath path, string iface) => Node(path, iface, "--logout");

    /// <summary><c>iscsiadm -m node -T … -p … -I … -o delete</c>.</summary>
    public static CommandSpec NodeDelete(IscsiPath path, string iface) => Node(path, iface, "-o", "delete");

    /// <summary><c>iscsiadm -m node -T … -p … -I … -o show</c>: exit 0 when the record exists for that iface, 21 when not.</summary>
    public static CommandSpec NodeShow(IscsiPath path, string iface) => Node(path, iface, "-o", "show");

    /// <summary><c>iscsiadm -m node</c>: every node record, one <c>address:port,tpgt iqn</c> line each (exit 21: none).</summary>
    public static CommandSpec NodeList() => new(Program, "-m", "node");

    /// <summary><c>iscsiadm -m discoverydb</c>: every discovery record, one <c>address:port via type</c> line each (exit 21: none).</summary>
    public static CommandSpec DiscoveryDbList() => new(Program, "-m", "discoverydb");

    /// <summary><c>iscsiadm -m discoverydb -t sendtargets -p … -I … -o new</c>.</summary>
    public static CommandSpec DiscoveryDbNew(IscsiPortal portal, string iface) => DiscoveryDb(portal, iface, "-o", "new");

    /// <summary><c>iscsiadm -m discoverydb -t sendtargets -p … -I … -o update -n … -v …</c>.</summary>
    public static CommandSpec DiscoveryDbUpdate(IscsiPortal portal, string iface, IEnumerable<(string Key, CommandArgument Value)> settings) =>
        Update(DiscoveryDbArguments(portal, iface), settings);

    /// <summary>
    /// <c>iscsiadm -m discoverydb -t sendtargets -p … -I … --discover -o nonpersistent</c>: the targets are printed, not
    /// stored. Without an op iscsiadm applies new, update and delete (<c>do_software_sendtargets</c>): a node record for
    /// every target the portal advertises, existing records reset to iscsid.conf's defaults, and "stale" ones deleted.
    /// </summary>
    public static CommandSpec DiscoveryDbDiscover(IscsiPortal portal, string iface) => DiscoveryDb(portal, iface, "--discover", "-o", "nonpersistent");

    /// <summary><c>iscsiadm -m discoverydb -t sendtargets -p … -I … -o delete</c>.</summary>
    public static CommandSpec DiscoveryDbDelete(IscsiPortal portal, string iface) => DiscoveryDb(portal, iface, "-o", "delete");

    /// <summary>The node settings as <c>-n/-v</c> pairs. Scan is manual so that only our LUN is scanned, never the whole target.</summary>
    public static IEnumerable<(string Key, CommandArgument Value)> NodeSettingPairs(TimeSpan loginTimeout, int initialLoginRetryMax, bool automaticStartup, TimeSpan? replacementTimeout, ChapCredentials? chap)
    {
        yield return ("node.session.scan", "manual");
        yield return ("node.startup", automaticStartup ? "automatic" : "manual");
        yield return ("node.conn[0].timeo.login_timeout", Seconds(loginTimeout));
        yield return ("node.session.initial_login_retry_max", initialLoginRetryMax.ToString(CultureInfo.InvariantCulture));
        if (replacementTimeout is { } replacement)
        {
            yield return ("node.session.timeo.replacement_timeout", Seconds(replacement));
        }

        if (chap is not null)
        {
            yield return ("node.session.auth.authmethod", chap.Method);
            yield return ("node.session.auth.username", chap.Username);
            yield return ("node.session.auth.password", CommandArgument.Secret(chap.Password));
            if (chap.IsMutual)
            {
                yield return ("node.session.auth.username_in", chap.UsernameIn!);
                yield return ("node.session.auth.password_in", CommandArgument.Secret(chap.PasswordIn!));
            }
        }
        else
        {
            // A reused record may carry another volume's CHAP: say explicitly that this one has none.
            yield return ("node.session.auth.authmethod", "None");
        }
    }

    /// <summary>Discovery settings: short timeouts (a blackholed portal otherwise costs ~95 s) and discovery CHAP.</summary>
    public static IEnumerable<(string Key, CommandArgument Value)> DiscoverySettingPairs(TimeSpan loginTimeout, ChapCredentials? chap)
    {
        yield return ("discovery.sendtargets.timeo.login_timeout", Seconds(loginTimeout));
        yield return ("discovery.sendtargets.reopen_max", "0");
        if (chap is not null)
        {
            yield return ("discovery.sendtargets.auth.authmethod", chap.Method);
            yield return ("discovery.sendtargets.auth.username", chap.Username);
            yield return ("discovery.sendtargets.auth.password", CommandArgument.Secret(chap.Password));
            if (chap.IsMutual)
            {
                yield return ("discovery.sendtargets.auth.username_in", chap.UsernameIn!);
                yield return ("discovery.sendtargets.auth.password_in", CommandArgument.Secret(chap.PasswordIn!));
            }
        }
        else
        {
            yield return ("discovery.sendtargets.auth.authmethod", "None");
        }
    }

    // "-o update" takes any number of -n/-v pairs: one process for every setting.
    private static CommandSpec Update(IEnumerable<CommandArgument> target, IEnumerable<(string Key, CommandArgument Value)> settings)
    {
        var arguments = target.Concat(["-o", "update"]).ToList();
        foreach (var (key, value) in settings)
        {
            arguments.AddRange(["-n", key, "-v", value]);
        }

        return new CommandSpec(Program, arguments);
    }

    private static string Seconds(TimeSpan value) =>
        Math.Max(1, (int)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static CommandSpec Node(IscsiPath path, string iface, params string[] operation) =>
        new(Program, NodeArguments(path, iface).Concat(operation.Select(CommandArgument.FromString)));

    private static IEnumerable<CommandArgument> NodeArguments(IscsiPath path, string iface) =>
        ["-m", "node", "-T", path.Iqn, "-p", path.Portal.Address, "-I", iface];

    private static CommandSpec DiscoveryDb(IscsiPortal portal, string iface, params string[] operation) =>
        new(Program, DiscoveryDbArguments(portal, iface).Concat(operation.Select(CommandArgument.FromString)));

    private static IEnumerable<CommandArgument> DiscoveryDbArguments(IscsiPortal portal, string iface) =>
        ["-m", "discoverydb", "-t", "sendtargets", "-p", portal.Address, "-I", iface];
}
