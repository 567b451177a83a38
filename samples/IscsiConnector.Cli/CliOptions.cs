using System.CommandLine;

namespace IscsiConnector.Cli;

/// <summary>The options of every command, created once so that commands can share them.</summary>
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

    public Option<string?> Transport { get; } = new("--transport")
    {
        Description = "The open-iscsi interface (-I) to use, e.g. default or iser.",
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

    public Option<double> TimeScale { get; } = new("--time-scale")
    {
        Description = "With --simulate: real seconds per simulated second (default 1; 0.1 runs 10x faster; 0 = virtual time, no waiting).",
        HelpName = "factor",
    };

    public Option<string?> DeviceInfo { get; } = new("--device-info")
    {
        Description = "The JSON 'connect' printed, to disconnect exactly the devices it attached.",
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

    /// <summary>Adds the options every command takes.</summary>
    public void AddCommon(Command command)
    {
        command.Options.Add(Multipath);
        command.Options.Add(Transport);
        command.Options.Add(TransportFallback);
        command.Options.Add(LoginTimeout);
        command.Options.Add(RootHelper);
        command.Options.Add(LockDirectory);
        command.Options.Add(Verbose);
        command.Options.Add(Simulate);
        command.Options.Add(TimeScale);
    }
}
