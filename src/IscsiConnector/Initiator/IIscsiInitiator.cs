namespace IscsiConnector.Initiator;

/// <summary>
/// What the platform-neutral flow needs from a host's iSCSI initiator. open-iscsi on Linux is the first
/// implementation; the Microsoft initiator (iscsicli) is meant to be the second, so nothing here names a
/// sysfs path or an <c>iscsiadm</c> mode. Devices are opaque kernel names (<c>sda</c>, <c>dm-0</c>).
/// Whatever may need privileges (records, scans, removals, the initiator name) is asynchronous: through a root helper
/// it is a command.
/// </summary>
internal interface IIscsiInitiator
{
    /// <summary>Lists the logged-in sessions (without starting a process where the platform allows).</summary>
    Task<IReadOnlyList<InitiatorSession>> GetSessionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Lists the logged-in sessions to one of <paramref name="iqns"/> (case-insensitive). An implementation should read
    /// no more of an unrelated session than its target name: attach time must not grow with the host's other sessions.
    /// </summary>
    async Task<IReadOnlyList<InitiatorSession>> GetSessionsAsync(IReadOnlyCollection<string> iqns, CancellationToken cancellationToken) =>
        [.. (await GetSessionsAsync(cancellationToken).ConfigureAwait(false)).Where(s => iqns.Contains(s.Iqn, StringComparer.OrdinalIgnoreCase))];

    /// <summary>Gets a value indicating whether a persistent target record (open-iscsi node) exists for the path's portal and target.</summary>
    Task<bool> NodeExistsAsync(IscsiPath path, CancellationToken cancellationToken);

    /// <summary>Lists the portals that have a persistent record for <paramref name="iqn"/> (taken before discovery, which creates records).</summary>
    Task<IReadOnlyList<IscsiPortal>> ListNodePortalsAsync(string iqn, CancellationToken cancellationToken);

    /// <summary>Creates the target record when <paramref name="exists"/> is false, and writes every setting in one go.</summary>
    Task PrepareNodeAsync(IscsiPath path, bool exists, NodeSettings settings, CancellationToken cancellationToken);

    /// <summary>Logs in. An "already logged in" answer counts as success.</summary>
    Task LoginAsync(IscsiPath path, CancellationToken cancellationToken);

    /// <summary>Marks a record to be logged in again at boot; called only after its login succeeded.</summary>
    Task SetAutomaticStartupAsync(IscsiPath path, CancellationToken cancellationToken);

    /// <summary>Logs out; "no such session" counts as success.</summary>
    Task LogoutAsync(IscsiPath path, CancellationToken cancellationToken);

    /// <summary>Deletes the target record; "no such record" counts as success.</summary>
    Task DeleteNodeAsync(IscsiPath path, CancellationToken cancellationToken);

    /// <summary>Asks the portal which targets it offers (SendTargets) and returns them as paths with <paramref name="lun"/>.</summary>
    Task<IReadOnlyList<IscsiPath>> DiscoverAsync(IscsiPortal portal, int lun, ChapCredentials? discoveryChap, CancellationToken cancellationToken);

    /// <summary>The number the host gives the path's LUN (what <see cref="ScanLunAsync"/>, <see cref="FindDisk"/> and a disk's address use).</summary>
    int HostLun(IscsiPath path) => path.ScsiLun;

    /// <summary>Asks the session to scan exactly one LUN.</summary>
    Task ScanLunAsync(InitiatorSession session, int lun, CancellationToken cancellationToken);

    /// <summary>Finds the disk of one LUN of a session, or <see langword="null"/> (LUNs without a disk, such as controllers, are never returned).</summary>
    HostDisk? FindDisk(InitiatorSession session, int lun);

    /// <summary>Lists every disk of a session (all LUNs).</summary>
    IReadOnlyList<HostDisk> ListDisks(InitiatorSession session);

    /// <summary>Finds the multipath device holding any of <paramref name="disks"/>, or <see langword="null"/>.</summary>
    MultipathMap? FindMultipath(IEnumerable<string> disks);

    /// <summary>Whitelists a WWID for the multipath daemon (find_multipaths strict, yes or smart otherwise skip or delay it).</summary>
    Task AddMultipathWwidAsync(string wwid, CancellationToken cancellationToken);

    /// <summary>Hints the multipath daemon to (re)consider a disk as a path.</summary>
    Task HintMultipathAsync(string disk, CancellationToken cancellationToken);

    /// <summary>Gets a value indicating whether the multipath daemon is running.</summary>
    Task<bool> IsMultipathRunningAsync(CancellationToken cancellationToken);

    /// <summary>Flushes and removes a multipath map.</summary>
    Task FlushMultipathAsync(string mapName, CancellationToken cancellationToken);

    /// <summary>Flushes a disk's buffers.</summary>
    Task FlushDiskAsync(string disk, CancellationToken cancellationToken);

    /// <summary>Asks the kernel to remove a disk.</summary>
    Task RemoveDiskAsync(string disk, CancellationToken cancellationToken);

    /// <summary>Gets a value indicating whether a disk (or map) still exists.</summary>
    bool DeviceExists(string device);

    /// <summary>Whether a disk can take I/O: false when its path is dead (SCSI state blocked, offline, transport-offline).</summary>
    bool IsDiskRunning(string disk);

    /// <summary>Asks the kernel to re-read a disk's capacity.</summary>
    Task RescanDiskAsync(string disk, CancellationToken cancellationToken);

    /// <summary>Gets a disk's or map's size in bytes, or <see langword="null"/>.</summary>
    long? GetSize(string device);

    /// <summary>Makes the multipath daemon pick up a new size of its paths.</summary>
    Task ResizeMultipathAsync(string mapName, CancellationToken cancellationToken);

    /// <summary>Gets the stable by-path link of a path's disk when one exists, or <see langword="null"/>.</summary>
    string? FindStableLink(IscsiPath path);

    /// <summary>Gets a value indicating whether something on the host makes stable links for new disks (udev), so one is worth waiting for.</summary>
    bool MakesStableLinks { get; }

    /// <summary>Gets the initiator's own name (IQN), or <see langword="null"/>.</summary>
    Task<string?> GetInitiatorNameAsync(CancellationToken cancellationToken);

    /// <summary>Gets the device path for a kernel name (<c>sda</c> → <c>/dev/sda</c>).</summary>
    string DevicePath(string device);

    /// <summary>Gets the same initiator working through another iface (open-iscsi <c>-I</c>, the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP"); itself when it already does.</summary>
    IIscsiInitiator WithIface(string iface);
}
