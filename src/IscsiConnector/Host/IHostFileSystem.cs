namespace IscsiConnector.Host;

/// <summary>
/// The host's view of sysfs, <c>/dev</c> and <c>/etc/iscsi</c>: the few file operations the connector
/// needs to find sessions and devices without starting processes. Substituted in tests (and by
/// <c>SimulatedIscsiHost</c>) so that no kernel is needed.
/// </summary>
/// <remarks>
/// Paths are absolute Linux paths (<c>/sys/class/iscsi_session/session1/targetname</c>). Reads of
/// missing files return <see langword="null"/> rather than throwing, because sysfs entries come and go
/// while the kernel works (a session being torn down, a device appearing).
/// </remarks>
public interface IHostFileSystem
{
    /// <summary>Gets a value indicating whether a file, directory or link exists at <paramref name="path"/>.</summary>
    /// <param name="path">An absolute path.</param>
    /// <returns><see langword="true"/> when something exists there (links are followed).</returns>
    bool Exists(string path);

    /// <summary>Reads a whole (small) file such as a sysfs attribute.</summary>
    /// <param name="path">An absolute path.</param>
    /// <returns>The content, or <see langword="null"/> when the file does not exist.</returns>
    string? ReadAllText(string path);

    /// <summary>Writes to an existing file, as with <c>echo "0 0 1" &gt; /sys/class/scsi_host/host0/scan</c>.</summary>
    /// <param name="path">An absolute path; sysfs attributes are not created, only written.</param>
    /// <param name="contents">The text to write.</param>
    /// <exception cref="IOException">The write failed (sysfs rejects some values with an I/O error).</exception>
    void WriteAllText(string path, string contents);

    /// <summary>Lists the names (not paths) of the entries of a directory.</summary>
    /// <param name="path">An absolute path.</param>
    /// <returns>The entry names, or an empty list when the directory does not exist.</returns>
    IReadOnlyList<string> ListDirectory(string path);

    /// <summary>Resolves every link in <paramref name="path"/>, as <c>readlink -f</c> does.</summary>
    /// <param name="path">An absolute path.</param>
    /// <returns>The canonical path, or <see langword="null"/> when it does not exist.</returns>
    string? ResolvePath(string path);

    /// <summary>
    /// Tries to take the exclusive lock named <paramref name="path"/>, which every process on this host sees (the
    /// connector serialises work on one portal and target with it). Never waits: the caller polls.
    /// </summary>
    /// <param name="path">An absolute path of a lock file; its directory is created when missing.</param>
    /// <returns>A handle that releases the lock when disposed, or <see langword="null"/> when another holder has it.</returns>
    /// <exception cref="UnsafeLockPathException">The lock directory or file is not private to the running user (see the remarks).</exception>
    /// <exception cref="IOException">The lock file could not be created or locked for another reason.</exception>
    /// <remarks>
    /// On a real host this is an <c>flock</c> on a file opened with <c>O_NOFOLLOW</c>, in a directory that must be owned
    /// by the running user with mode 0700 (created so when missing); the kernel releases it when the process dies. A
    /// simulated host keeps its locks in memory, shared by every connector given that host and invisible to others.
    /// </remarks>
    IDisposable? TryAcquireLock(string path);
}
