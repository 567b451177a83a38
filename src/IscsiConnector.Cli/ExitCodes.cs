namespace IscsiConnector.Cli;

/// <summary>The process exit codes: a stable contract, documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>Anything not covered below (a command failed unexpectedly, a bug).</summary>
    public const int Failure = 1;

    /// <summary>Invalid input or usage: nothing was run.</summary>
    public const int InvalidInput = 2;

    /// <summary>The volume could not be attached (every portal failed), or is not attached (extend).</summary>
    public const int AttachFailed = 3;

    /// <summary>The target rejected the CHAP credentials on every portal tried.</summary>
    public const int AuthenticationFailed = 4;

    /// <summary>A disconnect left something behind (listed in the JSON).</summary>
    public const int DisconnectIncomplete = 5;

    /// <summary>An iface cannot be used (missing, unknown transport, conflicting, hardware absent): <c>connect</c> with
    /// <c>--transport-fallback fail</c> before any login, or an <c>iface</c> command.</summary>
    public const int TransportUnusable = 6;

    /// <summary>A live-migration step refused the domain or volume: a serial of the map matches no disk or several, a disk cannot
    /// take its destination (another network protocol, a file disk), or the volume needs what QEMU's initiator lacks (mutual CHAP).</summary>
    public const int MigrationMismatch = 7;

    /// <summary>This host lacks something every attach needs (iscsiadm, root helper, iscsid, initiator name, transport,
    /// multipathd with multipath): <c>check</c> found problems, or <c>connect</c> stopped before any portal was tried.</summary>
    public const int HostNotReady = 8;

    /// <summary><c>disconnect</c> refused: the device found has another WWID than the device_info's <c>scsi_wwn</c>/<c>multipath_id</c>; nothing was removed.</summary>
    public const int VolumeMismatch = 9;

    /// <summary>Interrupted (Ctrl-C, SIGINT); whatever the attach had created was undone.</summary>
    public const int Cancelled = 130;

    /// <summary>Terminated (SIGTERM, e.g. <c>kill</c> or systemd stopping a unit); whatever the attach had created was undone.</summary>
    public const int Terminated = 143;
}
