using System.ComponentModel.DataAnnotations;

namespace IscsiConnector;

/// <summary>
/// Settings of the volume connector. Validated at start-up (<c>AddIscsiConnector</c>) and by
/// <see cref="IscsiConnectorFactory.Create"/>; see <c>docs/connector.md</c> for the reasoning behind each default.
/// </summary>
public sealed partial class IscsiConnectorOptions
{
    /// <summary>Gets or sets which host initiator to drive: open-iscsi on Linux or the Microsoft initiator on Windows (docs/windows.md).</summary>
    /// <value>The default value is <see cref="IscsiPlatform.Auto"/>: the platform this process runs on.</value>
    public IscsiPlatform Platform { get; set; } = IscsiPlatform.Auto;

    /// <summary>Gets or sets a value indicating whether to log into every portal and return the dm-multipath device (the Cinder spec "Enhance iSCSI multipath support").</summary>
    /// <value>The default value is <see langword="false"/> (ordered failover, the Cinder spec "Failover to alternative iSCSI portals on login failure").</value>
    public bool UseMultipath { get; set; }

    /// <summary>Gets or sets a value indicating whether an attach fails when multipath is wanted but <c>multipathd</c> is not running (os-brick <c>enforce_multipath</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool EnforceMultipath { get; set; }

    /// <summary>Gets or sets a value indicating whether a multipath attach fails unless every portal produced a device.</summary>
    /// <value>The default value is <see langword="false"/>: a map with some paths is returned and the rest are reported.</value>
    public bool RequireAllPaths { get; set; }

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

    /// <summary>Gets or sets the first poll delay while waiting for a disk or for removed devices to go; later delays double up to 2 s. (udev's link and the multipath map are polled every 20–100 ms.)</summary>
    /// <value>The default value is 50 milliseconds: a look is a few sysfs listings, and the disk of a LUN usually appears
    /// within a few hundred milliseconds of the scan, so a coarser first delay only adds its overshoot (the bed benchmark
    /// measured ~0.25 s of it with the former 250 ms).</value>
    /// <remarks>Allowed: 00:00:00.010 to 00:00:10 (checked by the options validator; a TimeSpan [Range] is not trim-safe).</remarks>
    public TimeSpan DevicePollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

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

    /// <summary>Gets or sets a value indicating whether a multipath attach given a single portal runs SendTargets discovery to find the others (the Cinder spec "Enhance iSCSI multipath support").</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DiscoverWhenSinglePortal { get; set; } = true;
}
