namespace IscsiConnector;

/// <summary>What a disconnect removed and what it left behind.</summary>
public sealed record DisconnectResult
{
    /// <summary>Gets the SCSI disks removed (<c>sda</c>).</summary>
    public IReadOnlyList<string> RemovedDevices { get; init; } = [];

    /// <summary>Gets the multipath map flushed (<c>mpatha</c>), or <see langword="null"/> when there was none.</summary>
    public string? FlushedMultipath { get; init; }

    /// <summary>Gets the (portal, target) pairs logged out and whose node records were deleted.</summary>
    public IReadOnlyList<IscsiPath> LoggedOut { get; init; } = [];

    /// <summary>Gets the (portal, target) pairs left logged in because other LUNs still use the session (shared targets).</summary>
    public IReadOnlyList<IscsiPath> KeptSessions { get; init; } = [];

    /// <summary>Gets one sentence per thing that could not be cleaned up (a device still present, a failed logout…).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>
    /// Gets one sentence per thing done that the caller should know about although nothing was left behind — e.g. a
    /// device removed under <see cref="DisconnectOptions.Force"/> whose WWID did not match the attachment's, or a node
    /// record an interrupted attach of this volume had left and that was deleted.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets a value indicating whether nothing was left behind.</summary>
    public bool IsClean => Problems.Count == 0;

    /// <summary>Gets a value indicating whether the volume was not connected at all (nothing to do).</summary>
    public bool WasConnected => RemovedDevices.Count > 0 || LoggedOut.Count > 0 || FlushedMultipath is not null || Problems.Count > 0 || Warnings.Count > 0;
}
