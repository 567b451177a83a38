using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace IscsiConnector.Cli;

/// <summary>
/// The options of every command, created once so that commands can share them. An option is added only to the commands
/// it affects, with a description of what it does there (an attach option on <c>paths</c> would promise a login).
/// </summary>
internal sealed class CliOptions
{
    public Option<string> ConnectionInfo { get; } = new("--connection-info")
    {
        Description = "The volume's connection_info JSON: a file, or '-' for standard input.",
        HelpName = "file|-",
        Required = true,
    };

    public Option<bool> Multipath { get; } = new("--multipath")
    {
        Description = "Log into every portal and use the dm-multipath device (default: ordered failover).",
    };

    /// <summary><c>--multipath</c> on commands about a volume already attached.</summary>
    public Option<bool> AttachedMultipath { get; } = new("--multipath")
    {
        Description = "The volume was attached with --multipath (then its paths on portals discovered from a single one count too; with --simulate it is first attached that way).",
    };

    /// <summary><c>--multipath</c> on <c>properties</c>: os-brick's <c>get_connector_properties(multipath=True)</c>.</summary>
    public Option<bool> ReportedMultipath { get; } = new("--multipath")
    {
        Description = "Report multipath as usable when multipathd is running (os-brick's multipath=True).",
    };

    public Option<string?> Transport { get; } = new("--transport")
    {
        Description = "The open-iscsi interface (-I) to use, e.g. default or iser.",
        HelpName = "iface",
    };

    /// <summary><c>--transport</c> on <c>disconnect</c>: sessions are logged out through their own iface, read from sysfs.</summary>
    public Option<string?> AttachedTransport { get; } = new("--transport")
    {
        Description = "The open-iscsi interface the volume was attached through (with --simulate it is first attached that way; on a host each session is logged out through its own iface).",
        HelpName = "iface",
    };

    public Option<string?> TransportFallback { get; } = new("--transport-fallback")
    {
        Description = "When the --transport iface cannot be used: tcp = use the default TCP iface and say so (library default), fail = fail.",
        HelpName = "tcp|fail",
    };

    public Option<int> LoginTimeout { get; } = new("--login-timeout")
    {
        Description = "Login timeout per portal in seconds (1-600; default 5).",
        HelpName = "seconds",
        CustomParser = r => Number<int>(r, int.TryParse, "a whole number of seconds"),
    };

    public Option<bool> NoProbe { get; } = new("--no-probe")
    {
        Description = "Do not probe the portals with a TCP connect first: log in strictly in the backend's order on every portal, as os-brick does.",
    };

    public Option<string?> RootHelper { get; } = new("--root-helper")
    {
        Description = "Run every command through this program, split on spaces, e.g. \"sudo -n\".",
        HelpName = "cmd",
    };

    public Option<string?> LockDirectory { get; } = new("--lock-dir")
    {
        Description = "Directory for the per-target lock files (absolute; owned by you, mode 0700; created so when missing). Default: /run/lock/iscsi-connector as root, else $XDG_RUNTIME_DIR/iscsi-connector or /tmp/iscsi-connector-<uid>.",
        HelpName = "dir",
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Write log lines (down to Trace: every command) to standard error.",
    };

    public Option<string?> Simulate { get; } = new("--simulate")
    {
        Description = "Run against a simulated host described by a scenario JSON file instead of this machine.",
        HelpName = "scenario.json",
    };

    public Option<string?> Platform { get; } = new("--platform")
    {
        Description = "The host initiator: auto (this machine's; default), linux (open-iscsi) or windows (the Microsoft initiator through PowerShell).",
        HelpName = "auto|linux|windows",
    };

    public Option<double> TimeScale { get; } = new("--time-scale")
    {
        Description = "With --simulate: real seconds per simulated second (default 1; 0.1 runs 10x faster; 0 = virtual time, no waiting).",
        HelpName = "factor",
        CustomParser = r => Number<double>(r, double.TryParse, "a number"),
    };

    public Option<string?> DeviceInfo { get; } = new("--device-info")
    {
        Description = "The JSON 'connect' printed (or os-brick's device_info), to disconnect exactly the devices it attached.",
        HelpName = "file",
    };

    public Option<bool> Force { get; } = new("--force")
    {
        Description = "Continue past flush failures (may lose buffered writes).",
    };

    public Option<bool> IgnoreErrors { get; } = new("--ignore-errors")
    {
        Description = "Report what was left behind instead of stopping at the first problem.",
    };

    private delegate bool TryParse<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

    /// <summary>The options of a command that logs in: <c>connect</c> and <c>plan</c>.</summary>
    public Option[] Attach => [Multipath, Transport, TransportFallback, LoginTimeout, NoProbe];

    /// <summary>The options that say where commands run: every command. <c>plan</c> leaves out <c>--time-scale</c> (it runs on a virtual clock).</summary>
    public Option[] Host(bool withTimeScale = true) => withTimeScale ? [RootHelper, Verbose, Simulate, Platform, TimeScale] : [RootHelper, Verbose, Simulate, Platform];

    /// <summary>Adds the attach and host options (the old "every command" set): for a command that logs in like <c>connect</c>.
    /// A command that does not log in should add <see cref="Host"/> and only the options it uses.</summary>
    public void AddCommon(Command command) => Add(command, [.. Attach, LockDirectory, .. Host()]);

    /// <summary>Adds options to a command.</summary>
    public static void Add(Command command, params IEnumerable<Option> options)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }

    // System.CommandLine's own conversion error names the CLR type ('System.Int32'); this one says what to type.
    private static T Number<T>(ArgumentResult result, TryParse<T> parse, string what)
        where T : struct
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (parse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{((OptionResult)result.Parent!).Option.Name}: '{text}' is not {what}.");
        return default;
    }
}
