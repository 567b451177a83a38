using System.Diagnostics;
using IscsiConnector.Host;
using IscsiConnector.Host.Internal;
using IscsiConnector.Locking.Internal;
using IscsiConnector.Testing;
using IscsiConnector.Tests.Support;

namespace IscsiConnector.Tests.Locking;

/// <summary>
/// Issue 12 item 3: another local user must not be able to hold, delete or redirect the connector's locks. The lock
/// directory must be the running user's with mode 0700 (created so), lock files are opened without following links.
/// Before the fix, lock files went into world-writable /run/lock with none of these checks.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LockDirectorySecurityTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "iscsi-lockdir-tests-" + Guid.NewGuid().ToString("N"));
    private readonly PhysicalHostFileSystem _fileSystem = new();

    public LockDirectorySecurityTests() => Directory.CreateDirectory(_root, Private);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [LinuxFact]
    public void TryAcquireLock_MissingDirectory_CreatesItOwnedByTheUserWithMode0700()
    {
        var directory = Path.Combine(_root, "a", "locks");

        using var held = _fileSystem.TryAcquireLock(Path.Combine(directory, "x.lock"));

        held.Should().NotBeNull();
        File.GetUnixFileMode(directory).Should().Be(Private);
    }

    [LinuxFact]
    public void TryAcquireLock_HeldByAnotherOpenFile_ReturnsNullUntilReleased()
    {
        var path = Path.Combine(_root, "locks", "x.lock");
        var first = _fileSystem.TryAcquireLock(path);

        _fileSystem.TryAcquireLock(path).Should().BeNull();
        first!.Dispose();
        using var second = _fileSystem.TryAcquireLock(path);
        second.Should().NotBeNull();
    }

    [LinuxTheory]
    [InlineData(UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.StickyBit, "1777")]
    [InlineData(UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, "0755")]
    [InlineData(UnixFileMode.GroupWrite, "0720")]
    public void TryAcquireLock_DirectoryOpenToOthers_IsRefusedNamingThePathAndTheMode(UnixFileMode extra, string shown)
    {
        var directory = Path.Combine(_root, "open");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, Private | extra);

        var act = () => _fileSystem.TryAcquireLock(Path.Combine(directory, "x.lock"));

        var error = act.Should().Throw<UnsafeLockPathException>().Which;
        error.Path.Should().Be(directory);
        error.Problem.Should().Contain(shown).And.Contain("0700");
        error.Message.Should().Contain(directory).And.Contain("--lock-dir");
        File.Exists(Path.Combine(directory, "x.lock")).Should().BeFalse("nothing is created in a refused directory");
    }

    [LinuxFact]
    public void TryAcquireLock_DirectoryIsASymbolicLink_IsRefused()
    {
        var real = Path.Combine(_root, "real");
        Directory.CreateDirectory(real, Private);
        var link = Path.Combine(_root, "link");
        File.CreateSymbolicLink(link, real);

        var act = () => _fileSystem.TryAcquireLock(Path.Combine(link, "x.lock"));

        act.Should().Throw<UnsafeLockPathException>().Which.Problem.Should().Contain("symbolic link");
    }

    [LinuxFact]
    public void TryAcquireLock_LockFileIsASymbolicLink_IsRefusedAndTheTargetIsNotCreated()
    {
        var directory = Path.Combine(_root, "locks");
        Directory.CreateDirectory(directory, Private);
        var victim = Path.Combine(_root, "victim");
        var lockFile = Path.Combine(directory, "x.lock");
        File.CreateSymbolicLink(lockFile, victim);

        var act = () => _fileSystem.TryAcquireLock(lockFile);

        var error = act.Should().Throw<UnsafeLockPathException>().Which;
        error.Path.Should().Be(lockFile);
        error.Problem.Should().Contain("symbolic link");
        File.Exists(victim).Should().BeFalse("O_NOFOLLOW: the link was not followed to create its target");
    }

    [LinuxFact]
    public void TryAcquireLock_DirectoryOwnedByAnotherUser_IsRefused()
    {
        // As root: a private directory handed to nobody (65534). As another user: "/" is root's.
        string directory;
        if (Libc.EffectiveUserId == 0)
        {
            directory = Path.Combine(_root, "nobodys");
            Directory.CreateDirectory(directory, Private);
            using var chown = Process.Start("chown", ["65534", directory]);
            chown.WaitForExit();
            chown.ExitCode.Should().Be(0);
        }
        else
        {
            directory = "/";
        }

        var act = () => _fileSystem.TryAcquireLock(Path.Combine(directory, "x.lock"));

        var error = act.Should().Throw<UnsafeLockPathException>().Which;
        error.Path.Should().Be(directory);
        error.Problem.Should().Contain("is owned by uid").And.Contain($"(uid {Libc.EffectiveUserId})");
    }

    [LinuxFact]
    public async Task ConnectVolumeAsync_LockDirectoryOpenToOthers_FailsWithTheTypedErrorBeforeAnyCommand()
    {
        var directory = Path.Combine(_root, "shared");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, Private | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var executor = new FakeCommandExecutor();
        // The host check would read this machine's /proc (no iscsid here) and run iscsiadm --version first: off, to see the lock rule alone.
        var connector = IscsiConnectorFactory.Create(new IscsiConnectorOptions { LockDirectory = directory, CheckHostBeforeAttach = false }, executor);

        var act = () => connector.ConnectVolumeAsync(new ConnectionInfo { Primary = new IscsiPath(new IscsiPortal("127.0.0.1"), "iqn.2024-01.test:disk1", 1) });

        (await act.Should().ThrowAsync<UnsafeLockPathException>()).Which.Path.Should().Be(directory);
        executor.Invocations.Should().BeEmpty();
    }

    [Theory]
    [InlineData(0u, "/run/user/0", "/run/lock/iscsi-connector")]
    [InlineData(1000u, "/run/user/1000", "/run/user/1000/iscsi-connector")]
    [InlineData(1000u, null, "/tmp/iscsi-connector-1000")]
    [InlineData(1000u, "", "/tmp/iscsi-connector-1000")]
    [InlineData(1000u, "relative", "/tmp/iscsi-connector-1000")]
    public void For_UserAndRuntimeDirectory_IsRootsSystemDirectoryOrAPerUserOne(uint uid, string? xdgRuntimeDir, string expected)
    {
        LockDirectories.For(uid, xdgRuntimeDir).Should().Be(expected);
    }
}
