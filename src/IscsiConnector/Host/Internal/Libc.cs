using System.Runtime.InteropServices;

namespace IscsiConnector.Host.Internal;

/// <summary>
/// The few libc calls the lock files need that .NET does not expose: the file owner (<c>statx</c>), opening
/// without following a symbolic link (<c>O_NOFOLLOW</c>) and a non-blocking <c>flock</c>.
/// </summary>
/// <remarks><c>statx</c> is used rather than <c>stat</c> because its buffer layout is the same on every architecture.</remarks>
internal static partial class Libc
{
    public const int ENOENT = 2;
    public const int EWOULDBLOCK = 11;
    public const int ELOOP = 40;

    public const uint S_IFMT = 0xF000;
    public const uint S_IFDIR = 0x4000;
    public const uint S_IFLNK = 0xA000;
    public const uint S_IFREG = 0x8000;

    private const int AT_FDCWD = -100;
    private const int AT_SYMLINK_NOFOLLOW = 0x100;
    private const int AT_EMPTY_PATH = 0x1000;
    private const uint STATX_TYPE_MODE_UID = 0x2 | 0x8;
    private const int StatxSize = 256;
    private const int StatxUidOffset = 20;
    private const int StatxModeOffset = 28;

    private const int O_RDWR = 0x2;
    private const int O_CREAT = 0x40;
    private const int O_CLOEXEC = 0x80000;
    private const int LOCK_EX = 2;
    private const int LOCK_NB = 4;

    // O_NOFOLLOW differs by architecture: 0100000 on arm and arm64, 0400000 on x86, x64 and most others.
    private static int O_NOFOLLOW => RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 ? 0x8000 : 0x20000;

    /// <summary>The effective user id of this process.</summary>
    public static uint EffectiveUserId => geteuid();

    /// <summary>lstat: the type, permission bits and owner of <paramref name="path"/> itself (a link is not followed).</summary>
    /// <returns>The status, or the errno when it failed (<see cref="ENOENT"/> when nothing is there).</returns>
    public static (uint Mode, uint Uid, int Errno) LinkStatus(string path) => Statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW);

    /// <summary>fstat of an open file.</summary>
    public static (uint Mode, uint Uid, int Errno) Status(SafeHandle file)
    {
        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            return Statx((int)file.DangerousGetHandle(), string.Empty, AT_EMPTY_PATH);
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    /// <summary>open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600).</summary>
    /// <returns>The open file, or the errno (<see cref="ELOOP"/> when <paramref name="path"/> is a symbolic link).</returns>
    public static (Microsoft.Win32.SafeHandles.SafeFileHandle? File, int Errno) OpenNoFollow(string path)
    {
        var fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0x180);
        return fd < 0 ? (null, Marshal.GetLastPInvokeError()) : (new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true), 0);
    }

    /// <summary>flock(fd, LOCK_EX | LOCK_NB).</summary>
    /// <returns>0 when taken, <see cref="EWOULDBLOCK"/> when another open file holds it, or another errno.</returns>
    public static int TryLockExclusive(SafeHandle file)
    {
        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            return flock((int)file.DangerousGetHandle(), LOCK_EX | LOCK_NB) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    private static unsafe (uint Mode, uint Uid, int Errno) Statx(int directory, string path, int flags)
    {
        var buffer = stackalloc byte[StatxSize];
        if (statx(directory, path, flags, STATX_TYPE_MODE_UID, buffer) != 0)
        {
            return (0, 0, Marshal.GetLastPInvokeError());
        }

        return (*(ushort*)(buffer + StatxModeOffset), *(uint*)(buffer + StatxUidOffset), 0);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial uint geteuid();

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int dirfd, string pathname, int flags, uint mask, byte* statxbuf);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string pathname, int flags, uint mode);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int flock(int fd, int operation);
}
