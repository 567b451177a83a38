using System.ComponentModel.DataAnnotations;
using IscsiConnector.Transports;

namespace IscsiConnector;

/// <summary>
/// Settings of the volume connector. Validated at start-up (<c>AddIscsiConnector</c>) and by
/// <see cref="IscsiConnectorFactory.Create"/>; see <c>docs/connector.md</c> for the reasoning behind each default.
/// </summary>
public sealed class IscsiConnectorOptions
{
    /// <summary>Gets or sets a value indicating whether to log into every portal and return the dm-multipath device (spec 001).</summary>
    /// <value>The default value is <see langword="false"/> (ordered failover, spec 000).</value>
    public bool UseMultipath { get; set; }

    /// <summary>Gets or sets a value indicating whether an attach fails when multipath is wanted but <c>multipathd</c> is not running (os-brick <c>enforce_multipath</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool EnforceMultipath { get; set; }

    /// <summary>Gets or sets a value indicating whether a multipath attach fails unless every portal produced a device.</summary>
    /// <value>The default value is <see langword="false"/>: a map with some paths is returned and the rest are reported.</value>
    public bool RequireAllPaths { get; set; }

    /// <summary>Gets or sets the open-iscsi interface (<c>-I</c>) used for discovery and login, e.g. <c>default</c> or <c>iser</c> (spec 004).</summary>
    /// <value>The default value is <c>default</c> (software TCP).</value>
    [Required]
    public string Transport { get; set; } = "default";

    /// <summary>Gets or sets what an attach does when the <see cref="Transport"/> iface is missing, fails validation or the hardware check, or a login through it fails (see docs/transports.md).</summary>
    /// <value>The default value is <see cref="TransportFallback.FallBackToTcp"/>, as spec 004 asks; the reason is kept in <see cref="PortalOutcome.TransportFallback"/>.</value>
    public TransportFallback TransportFallback { get; set; } = TransportFallback.FallBackToTcp;

    /// <summary>Gets or sets a value indicating whether a non-default iface's hardware is checked in sysfs before use (its MAC exists, on hardware whose driver carries the transport).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool VerifyTransportHardware { get; set; } = true;

    /// <summary>Gets or sets an iface to create when missing (spec 004's transport, hardware address, IP address) and use instead of <see cref="Transport"/>, or <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>: the <see cref="Transport"/> iface must exist.</value>
    public IscsiIfaceDefinition? IfaceDefinition { get; set; }

    /// <summary>Gets or sets the login timeout written to <c>node.conn[0].timeo.login_timeout</c> when this library creates a node record.</summary>
    /// <value>The default value is 5 seconds (iscsid's own default is 15 s, which with 8 retries makes a dead portal cost about 123 s).</value>
    /// <remarks>Allowed: 00:00:01 to 00:10:00 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan LoginTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets <c>node.session.initial_login_retry_max</c> for records this library creates: how often iscsid retries a first login by itself.</summary>
    /// <value>The default value is 0: one attempt, so a dead portal costs one <see cref="LoginTimeout"/> before failover.</value>
    [Range(0, 16)]
    public int InitialLoginRetryMax { get; set; }

    /// <summary>Gets or sets how many times a login is repeated after a transient <c>iscsiadm</c> error (iscsid busy, database locked…; never after a timeout or an auth failure).</summary>
    /// <value>The default value is 2.</value>
    [Range(0, 10)]
    public int LoginRetryAttempts { get; set; } = 2;

    /// <summary>Gets or sets the first delay between login retries; later delays grow exponentially.</summary>
    /// <value>The default value is 1 second.</value>
    /// <remarks>Allowed: 00:00:00 to 00:01:00 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan LoginRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many portals a multipath attach logs into at the same time.</summary>
    /// <value>The default value is 4.</value>
    [Range(1, 64)]
    public int MaxParallelLogins { get; set; } = 4;

    /// <summary>Gets or sets how long to wait, after a login, for the LUN's block device to appear.</summary>
    /// <value>The default value is 20 seconds.</value>
    /// <remarks>Allowed: 00:00:01 to 00:10:00 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan DeviceWaitTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets or sets how many times the LUN is scanned again (written to <c>/sys/class/scsi_host/hostH/scan</c>) while waiting for its device.</summary>
    /// <value>The default value is 3 (os-brick's <c>device_scan_attempts</c> default is 5, with 4/9/16 s between scans).</value>
    [Range(0, 20)]
    public int RescanAttempts { get; set; } = 3;

    /// <summary>Gets or sets the first poll delay while waiting for a device or a multipath map; later delays double up to 2 s.</summary>
    /// <value>The default value is 250 milliseconds.</value>
    /// <remarks>Allowed: 00:00:00.010 to 00:00:10 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan DevicePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets or sets how long a multipath attach waits, after all logins finished, for multipathd to build the map.</summary>
    /// <value>The default value is 10 seconds, as os-brick.</value>
    /// <remarks>Allowed: 00:00:00 to 00:05:00 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan MultipathWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets <c>node.session.timeo.replacement_timeout</c> for created records, or <see langword="null"/> to keep iscsid's (120 s).</summary>
    /// <value>The default value is <see langword="null"/>. Multipath set-ups often use 5–20 s so that dm fails I/O over quickly.</value>
    public TimeSpan? ReplacementTimeout { get; set; }

    /// <summary>Gets or sets a value indicating whether created node records get <c>node.startup = automatic</c>, so sessions come back after a reboot (as os-brick sets after login).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool AutomaticStartup { get; set; } = true;

    /// <summary>Gets or sets how many times <c>multipath -f</c> and <c>blockdev --flushbufs</c> are repeated when they fail.</summary>
    /// <value>The default value is 2 (three attempts, as os-brick).</value>
    [Range(0, 10)]
    public int FlushRetries { get; set; } = 2;

    /// <summary>Gets or sets the delay between flush attempts.</summary>
    /// <value>The default value is 2 seconds.</value>
    /// <remarks>Allowed: 00:00:00 to 00:05:00 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan FlushRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long a disconnect waits for removed SCSI devices to disappear.</summary>
    /// <value>The default value is 30 seconds, as os-brick.</value>
    /// <remarks>Allowed: 00:00:00 to 00:10:00 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan DeviceRemovalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets a value indicating whether failover first probes every portal with a parallel TCP
    /// connect and tries the unreachable ones last. Never skips a portal: the probe only reorders.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: the backend's order is kept, as the specs and os-brick do.</value>
    public bool ProbePortals { get; set; }

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

    /// <summary>Gets or sets a value indicating whether a multipath attach given a single portal runs SendTargets discovery to find the others (spec 001).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DiscoverWhenSinglePortal { get; set; } = true;

    /// <summary>Gets or sets the program (and its arguments, separated by spaces) that every command is run through, e.g. <c>sudo -n</c>, or <see langword="null"/> to run commands directly. Applies to the built-in process executor; an executor you supply handles privileges itself.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? RootHelper { get; set; }

    /// <summary>Gets or sets the longest any single command may run before it is killed.</summary>
    /// <value>The default value is 2 minutes.</value>
    /// <remarks>Allowed: 00:00:01 to 01:00:00 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
