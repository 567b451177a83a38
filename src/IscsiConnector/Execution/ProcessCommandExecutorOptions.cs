namespace IscsiConnector.Execution;

/// <summary>Configures <see cref="ProcessCommandExecutor"/>: the root helper and the default timeout.</summary>
public sealed class ProcessCommandExecutorOptions
{
    /// <summary>The default of <see cref="DefaultTimeout"/>: three minutes.</summary>
    /// <remarks>
    /// Longer than the slowest failure <c>iscsiadm</c> reports by itself with open-iscsi's defaults
    /// (a login to a dead portal took about 123 s: login_timeout 15 s × initial_login_retry_max 8),
    /// so <c>iscsiadm</c> normally fails first with a typed exit code and this timeout only catches
    /// a genuinely hung process.
    /// </remarks>
    public static readonly TimeSpan DefaultTimeoutValue = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Gets or sets the root helper put in front of every command, one list item per argument, e.g.
    /// <c>["sudo", "-n"]</c>. Empty runs commands directly (the process already runs as root).
    /// </summary>
    /// <value>The default value is an empty list.</value>
    /// <remarks>
    /// <c>sudo -n</c> (non-interactive) is the usual choice: without <c>-n</c> a missing sudoers rule
    /// makes sudo wait for a password on a terminal that is not there, until the timeout. OpenStack's
    /// form is <c>["sudo", "nova-rootwrap", "/etc/nova/rootwrap.conf"]</c>. From a string (a configuration
    /// file, a command-line option) use <see cref="RootHelperCommandLine.Parse"/>: split on whitespace, no quoting.
    /// </remarks>
    public IList<string> RootHelper { get; set; } = [];

    /// <summary>
    /// Gets or sets how long a command may run when its <see cref="CommandSpec.Timeout"/> is not set.
    /// <see cref="Timeout.InfiniteTimeSpan"/> means no limit.
    /// </summary>
    /// <value>The default value is <see cref="DefaultTimeoutValue"/> (three minutes).</value>
    public TimeSpan DefaultTimeout { get; set; } = DefaultTimeoutValue;
}
