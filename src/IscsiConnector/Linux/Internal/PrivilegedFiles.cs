using IscsiConnector.Execution;
using IscsiConnector.Host;

namespace IscsiConnector.Linux.Internal;

/// <summary>
/// Reads and writes the files only root may touch — sysfs attributes (<c>scan</c>, <c>delete</c>, <c>rescan</c>)
/// and <c>/etc/iscsi/initiatorname.iscsi</c> (mode 0600 on Debian) — directly when this process is root, and as
/// commands through the executor when a root helper is configured, so that the helper elevates them like every
/// other privileged action: <c>tee &lt;path&gt;</c> with the value on standard input, <c>cat &lt;path&gt;</c>.
/// </summary>
/// <remarks>os-brick does the same (<c>tee</c> and <c>cat</c> with <c>run_as_root</c>); sample sudoers and rootwrap rules are in docs/deployment.md.</remarks>
internal sealed class PrivilegedFiles(ICommandExecutor executor, IHostFileSystem fileSystem, bool throughCommands)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Gets a value indicating whether files go through commands (a root helper is configured).</summary>
    public bool ThroughCommands => throughCommands;

    /// <summary>Writes <paramref name="contents"/> to an existing file (a sysfs attribute is written, never created).</summary>
    /// <exception cref="IOException">The write failed; the message carries the evidence (tee's standard error).</exception>
    public async Task WriteAsync(string path, string contents, CancellationToken cancellationToken)
    {
        if (!throughCommands)
        {
            cancellationToken.ThrowIfCancellationRequested();
            fileSystem.WriteAllText(path, contents);
            return;
        }

        // tee copies its input to stdout as well; that copy is ignored. No -a: sysfs attributes are written whole.
        var command = new CommandSpec("tee", path) { StandardInput = contents, Timeout = CommandTimeout };
        var result = await executor.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new IOException($"Writing '{contents.Trim()}' to {path} through the root helper failed: {result.ToException(command).Message}");
        }
    }

    /// <summary>Reads a whole file; <see langword="null"/> when it does not exist or cannot be read.</summary>
    /// <exception cref="IscsiCommandException">The root helper could not be started or refused to run <c>cat</c>.</exception>
    public async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var direct = fileSystem.ReadAllText(path);
        if (direct is not null || !throughCommands || !fileSystem.Exists(path))
        {
            return direct;
        }

        // The file is there but this process may not read it: ask the helper.
        var command = new CommandSpec("cat", path) { Timeout = CommandTimeout };
        var result = await executor.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        return result.ThrowIfFailed(command).StandardOutput;
    }
}
