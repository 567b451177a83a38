using IscsiConnector.Host.Internal;

namespace IscsiConnector.Host;

/// <summary>The real host's files: sysfs, <c>/dev</c> and <c>/etc/iscsi</c> through <see cref="System.IO"/>.</summary>
internal sealed class PhysicalHostFileSystem : IHostFileSystem
{
    public bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    public string? ReadAllText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            // sysfs entries vanish while the kernel tears sessions down; absence is an answer, not an error.
            return null;
        }
        catch (IOException)
        {
            // Some sysfs attributes of a dying device fail reads with EIO or ENODEV.
            return null;
        }
    }

    public void WriteAllText(string path, string contents)
    {
        // FileMode.Truncate (O_TRUNC, as the shell's ">"): attributes are written, never created, so a typo fails.
        using var stream = new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite);
        using var writer = new StreamWriter(stream);
        writer.Write(contents);
    }

    public IReadOnlyList<string> ListDirectory(string path)
    {
        try
        {
            var info = new DirectoryInfo(path);
            return info.Exists ? info.EnumerateFileSystemInfos().Select(e => e.Name).ToList() : [];
        }
        catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }

    public string? ResolvePath(string path)
    {
        try
        {
            var full = ResolveAll(path);
            return full is not null && Exists(full) ? full : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public IDisposable? TryAcquireLock(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return LinuxLockFile.TryAcquire(path);
        }

        // Elsewhere (development machines) .NET's FileShare.None is the portable exclusive lock; no ownership checks.
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    // readlink -f: resolve every component, because sysfs links are relative and chained.
    private static string? ResolveAll(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "/";
        for (var i = 0; i < parts.Length; i++)
        {
            var candidate = Path.Combine(current, parts[i]);
            var info = new FileInfo(candidate);
            var target = info.LinkTarget;
            if (target is null)
            {
                target = new DirectoryInfo(candidate).LinkTarget;
            }

            if (target is not null)
            {
                var absolute = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
                var resolved = ResolveAll(absolute);
                if (resolved is null)
                {
                    return null;
                }

                current = resolved;
            }
            else
            {
                current = candidate;
            }
        }

        return current;
    }
}
