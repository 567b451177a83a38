namespace IscsiConnector;

/// <summary>Settings of how the connector reaches the host: portal probes, locks, root helper, command timeout.</summary>
public sealed partial class IscsiConnectorOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether portals are probed with a TCP connect (all at once) before logging in.
    /// Failover tries the first reachable portal in the backend's order first and unreachable ones last (never
    /// skipping one), so a refused primary costs a round trip and a blackholed one <see cref="ProbeTimeout"/> instead of a
    /// login timeout. A multipath attach does not log into a portal that fails the probe (unless a session to it exists),
    /// so a dead portal does not hold back the map; it is reported failed.
    /// </summary>
    /// <value>The default value is <see langword="true"/>. Set <see langword="false"/> to log in strictly in the backend's order on every portal, as os-brick does.</value>
    public bool ProbePortals { get; set; } = true;

    /// <summary>Gets or sets how long one reachability probe may take.</summary>
    /// <value>The default value is 1 second.</value>
    /// <remarks>Allowed: 00:00:00.050 to 00:00:30 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the directory holding one lock file per (portal, target), shared by every process using this library.
    /// It must be owned by the running user with mode 0700 (created so when missing); any other is refused with
    /// <see cref="Host.UnsafeLockPathException"/>. A simulated host keeps its locks in memory and ignores it.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: <c>/run/lock/iscsi-connector</c> for root, otherwise
    /// <c>$XDG_RUNTIME_DIR/iscsi-connector</c>, or <c>/tmp/iscsi-connector-&lt;uid&gt;</c> without <c>XDG_RUNTIME_DIR</c>.
    /// </value>
    public string? LockDirectory { get; set; }

    /// <summary>Gets or sets the longest wait for a (portal, target) lock held by another operation.</summary>
    /// <value>The default value is 5 minutes.</value>
    /// <remarks>Allowed: 00:00:01 to 01:00:00 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the root helper every privileged action goes through, one list item per argument: <c>["sudo", "-n"]</c>,
    /// or OpenStack's <c>["sudo", "nova-rootwrap", "/etc/nova/rootwrap.conf"]</c>. Empty when the process runs as root.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    /// <remarks>
    /// <para>With a helper, the built-in process executor puts it in front of every command, and what the library would
    /// otherwise do itself becomes a command too, so that the helper elevates it: sysfs writes (LUN scan, disk delete and
    /// rescan) run as <c>tee &lt;path&gt;</c> with the value on standard input, the node database is asked through
    /// <c>iscsiadm</c> instead of read from <c>/etc/iscsi/nodes</c> (mode 0700), and the initiator name is read with
    /// <c>cat</c>. An executor you supply gets these commands without the helper: it elevates them itself.</para>
    /// <para>From a string (a configuration value, a command-line option) use <see cref="Execution.RootHelperCommandLine.Parse"/>:
    /// split on whitespace, no quoting or expansion. Sample sudoers and rootwrap rules: docs/deployment.md.</para>
    /// </remarks>
    public IList<string> RootHelper { get; set; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether an attach first checks that the host has what it needs (iscsiadm, the root
    /// helper, iscsid, an initiator name, the transport, multipathd with multipath) and otherwise fails at once with
    /// <see cref="Readiness.HostNotReadyException"/>, before any node record is made or portal tried. A passing check is
    /// trusted for 30 seconds.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CheckHostBeforeAttach { get; set; } = true;

    /// <summary>Gets or sets the longest any single command may run before it is killed.</summary>
    /// <value>The default value is 2 minutes.</value>
    /// <remarks>Allowed: 00:00:01 to 01:00:00 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
