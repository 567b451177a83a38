using IscsiConnector.Host;

namespace IscsiConnector.Testing.Simulation;

public sealed partial class SimulatedIscsiHost
{
    // Lock paths held now; its own gate so that a lock poll never waits behind a slow emulated command.
    private readonly HashSet<string> _heldLocks = new(StringComparer.Ordinal);

    /// <summary>Gets the lock paths held now (by any connector using this host), sorted.</summary>
    /// <remarks>Empty after every operation has finished: a held lock here means a connector forgot to release one.</remarks>
    public IReadOnlyList<string> HeldLocks
    {
        get
        {
            lock (_heldLocks)
            {
                return [.. _heldLocks.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// In memory: nothing touches the real file system, so tests run as any user and in parallel. Every connector given
    /// this host shares its locks (as processes on one real host share lock files); connectors on other hosts never meet.
    /// The directory's ownership and mode are not checked here (there is none); <see cref="IHostFileSystem"/>'s real
    /// implementation checks them.
    /// </remarks>
    public IDisposable? TryAcquireLock(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        lock (_heldLocks)
        {
            return _heldLocks.Add(path) ? new HeldLock(this, path) : null;
        }
    }

    private sealed class HeldLock(SimulatedIscsiHost host, string path) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                lock (host._heldLocks)
                {
                    host._heldLocks.Remove(path);
                }
            }
        }
    }
}
