using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IscsiConnector.Internal;
using IscsiConnector.Resilience.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Locking.Internal;

/// <summary>
/// Serialises work on one (portal, target): in-process with a keyed <see cref="SemaphoreSlim"/>, across
/// processes with an exclusive lock file (.NET's <c>FileShare.None</c> takes an <c>flock</c> on Linux,
/// released by the kernel when a process dies). There is no host-wide lock: other targets proceed.
/// </summary>
internal sealed class TargetLocks(string directory, TimeSpan timeout, PollPipeline poll, ILogger logger)
{
    // Never removed: one small semaphore per target this process ever touched.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);

    /// <summary>Waits for the lock of (<paramref name="portal"/>, <paramref name="iqn"/>).</summary>
    /// <exception cref="TimeoutException">Another process held the lock longer than the lock timeout.</exception>
    public async Task<IAsyncDisposable> AcquireAsync(IscsiPortal portal, string iqn, CancellationToken cancellationToken)
    {
        var key = KeyOf(portal, iqn);
        var semaphore = _local.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        if (!semaphore.Wait(0))
        {
            Log.LockWaiting(logger, portal.Address, iqn);
            await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var file = await AcquireFileAsync(key, portal, iqn, cancellationToken).ConfigureAwait(false);
            return new Releaser(semaphore, file);
        }
        catch
        {
            semaphore.Release();
            throw;
        }
    }

    /// <summary>The lock file name: readable, safe (no '/' or leading '-') and bounded in length.</summary>
    internal static string KeyOf(IscsiPortal portal, string iqn)
    {
        var text = $"{portal.Host.ToLowerInvariant()}_{portal.Port.ToString(CultureInfo.InvariantCulture)}_{iqn.ToLowerInvariant()}";
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '_');
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12].ToLowerInvariant();
        var readable = safe.Length > 120 ? safe.ToString(0, 120) : safe.ToString();
        return $"{readable}-{hash}.lock";
    }

    private async Task<FileStream> AcquireFileAsync(string key, IscsiPortal portal, string iqn, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, key);
        var logged = false;
        var stream = await poll.UntilAsync<FileStream>(
            (_, _, _) =>
            {
                try
                {
                    return ValueTask.FromResult<FileStream?>(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException)
                {
                    // Held by another process (or another connector instance in this one): poll again.
                    if (!logged)
                    {
                        logged = true;
                        Log.LockWaiting(logger, portal.Address, iqn);
                    }

                    return ValueTask.FromResult<FileStream?>(null);
                }
            },
            timeout,
            cancellationToken).ConfigureAwait(false);
        return stream ?? throw new TimeoutException($"Could not lock {path} within {timeout}: another process keeps working on {portal.Address} {iqn}. Check for a hung iscsiadm.");
    }

    private sealed class Releaser(SemaphoreSlim semaphore, FileStream file) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await file.DisposeAsync().ConfigureAwait(false);
                semaphore.Release();
            }
        }
    }
}
