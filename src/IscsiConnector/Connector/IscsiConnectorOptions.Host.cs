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

    /// <summary>Gets or sets the program (and its arguments, separated by spaces) that every command is run through, e.g. <c>sudo -n</c>, or <see langword="null"/> to run commands directly. Applies to the built-in process executor; an executor you supply handles privileges itself.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? RootHelper { get; set; }

    /// <summary>Gets or sets the longest any single command may run before it is killed.</summary>
    /// <value>The default value is 2 minutes.</value>
    /// <remarks>Allowed: 00:00:01 to 01:00:00 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
