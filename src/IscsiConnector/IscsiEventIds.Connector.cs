namespace IscsiConnector;

/// <summary>Event ids of the connector (3000–3599).</summary>
public static partial class IscsiEventIds
{
    /// <summary>An attach starts (Debug).</summary>
    public const int AttachStarting = 3000;

    /// <summary>A session was logged in (Information).</summary>
    public const int SessionLoggedIn = 3001;

    /// <summary>An existing session was reused (Information).</summary>
    public const int SessionReused = 3002;

    /// <summary>A LUN's block device was found (Information).</summary>
    public const int DeviceFound = 3003;

    /// <summary>A portal failed during an attach (Warning).</summary>
    public const int PortalFailed = 3004;

    /// <summary>Failover moves on to the next portal (Warning).</summary>
    public const int FailingOver = 3005;

    /// <summary>An attach succeeded (Information).</summary>
    public const int AttachSucceeded = 3006;

    /// <summary>An attach failed for good (Error).</summary>
    public const int AttachFailed = 3007;

    /// <summary>A command is retried after a transient failure (Warning).</summary>
    public const int RetryingCommand = 3008;

    /// <summary>A multipath map was found (Information).</summary>
    public const int MultipathFound = 3009;

    /// <summary>No multipath map appeared (Warning).</summary>
    public const int MultipathMissing = 3010;

    /// <summary>Discovery was used to find further portals (Information).</summary>
    public const int DiscoveryFallback = 3011;

    /// <summary>A multipath map is returned without every logged-in path: they did not join it within the multipath wait (Warning).</summary>
    public const int MultipathIncomplete = 3012;

    /// <summary>Telling multipathd about a new path failed (e.g. it did not answer in time); the attach goes on waiting for the map (Warning).</summary>
    public const int MultipathHintFailed = 3013;

    /// <summary>A session was logged out (Information).</summary>
    public const int SessionLoggedOut = 3100;

    /// <summary>A session was kept because other LUNs use it (Debug).</summary>
    public const int SessionKept = 3101;

    /// <summary>A SCSI device was removed (Information).</summary>
    public const int DeviceRemoved = 3102;

    /// <summary>A disconnect left something behind (Warning).</summary>
    public const int DisconnectProblem = 3103;

    /// <summary>A dead path of a flushed multipath map was not flushed on its own (Information).</summary>
    public const int DeadPathFlushSkipped = 3104;

    /// <summary>An operation waits for a (portal, target) lock (Debug).</summary>
    public const int LockWaiting = 3200;

    /// <summary>Cleaning up after a failed or cancelled attach failed (Warning).</summary>
    public const int CleanupFailed = 3201;

    /// <summary>A portal reachability probe finished (Debug).</summary>
    public const int PortalProbe = 3202;
}
