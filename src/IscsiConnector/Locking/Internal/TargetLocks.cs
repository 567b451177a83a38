using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IscsiConnector.Host;
using IscsiConnector.Internal;
using IscsiConnector.Resilience.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Locking.Internal;

/// <summary>
/// Serialises work on one (portal, target): in-process with a keyed <see cref="SemaphoreSlim"/>, across processes with
/// <see cref="IHostFileSystem.TryAcquireLock"/> (an <c>flock</c> on a private lock file on a real host, released by
/// the kernel when a process dies; in memory on a simulated host). There is no host-wide lock: other targets proceed.
/// Locks are keyed by the portal's resolved address, so a host name and its IP address share one lock.
/// </summary>
internal sealed class TargetLocks
{
    // Never removed: one small semaphore per target this process ever touched.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);
    private readonly IHostFileSystem _fileSystem;
    private readonly string _directory;
    private readonly TimeSpan _timeout;
    private readonly PollPipeline _poll;
    private readonly ILogger _logger;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    /// <param name="fileSystem">Where the cross-process locks are taken.</param>
    /// <param name="directory">The lock directory; <see langword="null"/> for <see cref="LockDirectories.ForThisProcess"/>.</param>
    /// <param name="timeout">The longest wait for a lock another process holds.</param>
    /// <param name="poll">The backoff between attempts.</param>
    /// <param name="logger">Where "waiting for the lock" goes.</param>
    /// <param name="resolve">Resolves a portal host name; the default value is <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>.</param>
    public TargetLocks(IHostFileSystem fileSystem, string? directory, TimeSpan timeout, PollPipeline poll, ILogger logger, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        _fileSystem = fileSystem;
        _directory = directory ?? LockDirectories.ForThisProcess();
        _timeout = timeout;
        _poll = poll;
        _logger = logger;
        _resolve = resolve ?? Dns.GetHostAddressesAsync;
    }

    /// <summary>Gets the directory the lock files go to.</summary>
    public string Directory => _directory;

    /// <summary>Waits for the lock of (<paramref name="portal"/>, <paramref name="iqn"/>).</summary>
    /// <exception cref="TimeoutException">Another process held the lock longer than the lock timeout.</exception>
    /// <exception cref="UnsafeLockPathException">The lock directory or file is not private to the running user.</exception>
    public async Task<IAsyncDisposable> AcquireAsync(IscsiPortal portal, string iqn, CancellationToken cancellationToken)
    {
        var address = await AddressOfAsync(portal.Host, cancellationToken).ConfigureAwait(false);
        var key = KeyOf(address, portal.Port, iqn);
        var semaphore = _local.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        if (!semaphore.Wait(0))
        {
            Log.LockWaiting(_logger, portal.Address, iqn);
            await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var held = await AcquireCrossProcessAsync(key, portal, iqn, cancellationToken).ConfigureAwait(false);
            return new Releaser(semaphore, held);
        }
        catch
        {
            semaphore.Release();
            throw;
        }
    }

    /// <summary>The lock file name: readable, safe (no '/' or leading '-') and bounded in length.</summary>
    /// <param name="address">The resolved address (<see cref="AddressOfAsync"/>).</param>
    /// <param name="port">The portal's TCP port.</param>
    /// <param name="iqn">The target.</param>
    internal static string KeyOf(string address, int port, string iqn)
    {
        var text = $"{address.ToLowerInvariant()}_{port.ToString(CultureInfo.InvariantCulture)}_{iqn.ToLowerInvariant()}";
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '_');
        }

        var hash = Fnv1a64(Encoding.UTF8.GetBytes(text)).ToString("x16", CultureInfo.InvariantCulture);
        var readable = safe.Length > 120 ? safe.ToString(0, 120) : safe.ToString();
        return $"{readable}-{hash}.lock";
    }

    // The hash only tells apart targets whose readable part came out the same (cut at 120 characters, or different
    // characters mapped to '_'); a collision would merely make two targets share a lock. FNV-1a, not SHA-256: a
    // cryptographic hash loads and initialises OpenSSL, which a one-shot CLI process paid on every call (~10 ms on
    // hardware, a large share of its start-up under the test bed's emulation), for no security gain.
    private static ulong Fnv1a64(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>
    /// The address iscsiadm would connect to, in canonical form: an IP literal as <see cref="IPAddress"/> prints it, a
    /// host name resolved. A name with several addresses takes the lowest (IPv4 first), so every process picks the
    /// same one whatever order the resolver answers in. An unresolvable name keys by the name itself.
    /// </summary>
    internal async Task<string> AddressOfAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return Canonical(literal);
        }

        try
        {
            var addresses = await _resolve(host, cancellationToken).ConfigureAwait(false);
            return addresses.Length == 0
                ? host.ToLowerInvariant()
                : addresses.Select(Canonical).Order(AddressOrder.Instance).First();
        }
        catch (SocketException)
        {
            return host.ToLowerInvariant();
        }
    }

    private static string Canonical(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private async Task<IDisposable> AcquireCrossProcessAsync(string key, IscsiPortal portal, string iqn, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_directory, key);
        var logged = false;
        var held = await _poll.UntilAsync<IDisposable>(
            (_, _, _) =>
            {
                var handle = _fileSystem.TryAcquireLock(path);
                if (handle is null && !logged)
                {
                    // Held by another process (or another connector instance in this one): poll again.
                    logged = true;
                    Log.LockWaiting(_logger, portal.Address, iqn);
                }

                return ValueTask.FromResult(handle);
            },
            _timeout,
            cancellationToken).ConfigureAwait(false);
        return held ?? throw new TimeoutException($"Could not lock {path} within {_timeout}: another process keeps working on {portal.Address} {iqn}. Check for a hung iscsiadm.");
    }

    private sealed class AddressOrder : IComparer<string>
    {
        public static readonly AddressOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = IPAddress.Parse(x!);
            var b = IPAddress.Parse(y!);
            var family = a.AddressFamily.CompareTo(b.AddressFamily);
            return family != 0 ? family : a.GetAddressBytes().AsSpan().SequenceCompareTo(b.GetAddressBytes());
        }
    }

    private sealed class Releaser(SemaphoreSlim semaphore, IDisposable held) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                held.Dispose();
                semaphore.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
