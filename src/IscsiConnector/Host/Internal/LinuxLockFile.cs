using System.Globalization;

namespace IscsiConnector.Host.Internal;

/// <summary>
/// A cross-process lock on Linux: an <c>flock</c> on a file in a private directory. The kernel drops the lock when
/// the process dies, so a crash never leaves a stale lock. The directory must be owned by the running user with mode
/// 0700 (it is created so when missing), and the file is opened with <c>O_NOFOLLOW</c>, so no other local user can
/// hold, delete or redirect the locks.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class LinuxLockFile
{
    private const uint PrivateBits = 0x3F; // group and other: rwxrwx (0077)

    /// <summary>Takes the lock at <paramref name="path"/>, or returns <see langword="null"/> when another open file holds it.</summary>
    /// <exception cref="UnsafeLockPathException">The directory or the file fails the ownership, mode or link checks.</exception>
    /// <exception cref="IOException">The file could not be created or locked for another reason.</exception>
    public static IDisposable? TryAcquire(string path)
    {
        var directory = Path.GetDirectoryName(path) ?? throw new ArgumentException($"'{path}' has no directory.", nameof(path));
        EnsurePrivateDirectory(directory);

        var (file, errno) = Libc.OpenNoFollow(path);
        if (file is null)
        {
            throw errno == Libc.ELOOP
                ? new UnsafeLockPathException(path, "is a symbolic link (lock files are opened without following links)")
                : new IOException($"Could not open the lock file '{path}' (errno {errno}).");
        }

        try
        {
            var (mode, uid, statErrno) = Libc.Status(file);
            if (statErrno != 0 || (mode & Libc.S_IFMT) != Libc.S_IFREG)
            {
                throw new UnsafeLockPathException(path, "is not a regular file");
            }

            if (uid != Libc.EffectiveUserId)
            {
                throw new UnsafeLockPathException(path, Invariant($"is owned by uid {uid}, not by the running user (uid {Libc.EffectiveUserId})"));
            }

            var locked = Libc.TryLockExclusive(file);
            if (locked == Libc.EWOULDBLOCK)
            {
                file.Dispose();
                return null;
            }

            if (locked != 0)
            {
                throw new IOException($"Could not lock '{path}' (flock errno {locked}).");
            }

            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Creates <paramref name="directory"/> with mode 0700 when missing, then checks it is a real directory of ours that nobody else can enter.</summary>
    /// <exception cref="UnsafeLockPathException">The directory fails a check.</exception>
    public static void EnsurePrivateDirectory(string directory)
    {
        var (mode, uid, errno) = Libc.LinkStatus(directory);
        if (errno == Libc.ENOENT)
        {
            // Missing parents are created with the usual mode; only the lock directory itself must be private. The umask only removes bits.
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            (mode, uid, errno) = Libc.LinkStatus(directory);
        }

        if (errno != 0)
        {
            throw new UnsafeLockPathException(directory, Invariant($"cannot be examined (errno {errno})"));
        }

        if ((mode & Libc.S_IFMT) == Libc.S_IFLNK)
        {
            throw new UnsafeLockPathException(directory, "is a symbolic link");
        }

        if ((mode & Libc.S_IFMT) != Libc.S_IFDIR)
        {
            throw new UnsafeLockPathException(directory, "is not a directory");
        }

        if (uid != Libc.EffectiveUserId)
        {
            throw new UnsafeLockPathException(directory, Invariant($"is owned by uid {uid}, not by the running user (uid {Libc.EffectiveUserId})"));
        }

        if ((mode & PrivateBits) != 0)
        {
            throw new UnsafeLockPathException(directory, Invariant($"has mode {Convert.ToString(mode & 0xFFF, 8).PadLeft(4, '0')}; it must be 0700 (no access for group or others)"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
