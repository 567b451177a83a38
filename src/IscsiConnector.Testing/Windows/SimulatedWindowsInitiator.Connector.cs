using System.Diagnostics.Metrics;
using IscsiConnector.Host;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Testing.Windows;

/// <content>A connector wired to this host, and the in-memory locks it shares with every connector given the host.</content>
public sealed partial class SimulatedWindowsInitiator : IHostFileSystem
{
    private readonly HashSet<string> _heldLocks = new(StringComparer.Ordinal);

    /// <summary>Gets this host as the file system to give the connector: it holds the connector's locks in memory and has no files.</summary>
    public IHostFileSystem FileSystem => this;

    /// <summary>Gets the lock paths held now, sorted; empty after every operation has finished.</summary>
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

    /// <summary>
    /// Creates a connector for this simulated Windows host (<see cref="IscsiConnectorOptions.Platform"/> set to
    /// <see cref="IscsiPlatform.Windows"/>): its scripts, its in-memory locks and its clock, so nothing touches the real machine.
    /// </summary>
    /// <param name="options">The settings; <see langword="null"/> for the defaults. Its platform is set to Windows. Validated here.</param>
    /// <param name="loggerFactory">Where log events go; <see langword="null"/> for none.</param>
    /// <param name="meterFactory">Creates the connector's meter; <see langword="null"/> for the shared static one (see <see cref="IscsiConnectorTelemetry"/>).</param>
    /// <returns>A connector, as <see cref="IscsiConnectorFactory.Create"/> returns it on a Windows host.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> breaks a rule; the message lists every problem.</exception>
    public IVolumeConnector CreateConnector(IscsiConnectorOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        options ??= new IscsiConnectorOptions();
        options.Platform = IscsiPlatform.Windows;
        return IscsiConnectorFactory.Create(options, this, this, TimeProvider, loggerFactory, meterFactory);
    }

    /// <inheritdoc />
    /// <remarks>The simulated Windows host has no files: the Windows initiator reads none.</remarks>
    public bool Exists(string path) => false;

    /// <inheritdoc />
    public string? ReadAllText(string path) => null;

    /// <inheritdoc />
    /// <exception cref="UnauthorizedAccessException">Always: the Windows initiator writes no files.</exception>
    public void WriteAllText(string path, string contents) =>
        throw new UnauthorizedAccessException($"The simulated Windows host has no file '{path}' (the Windows initiator writes no files).");

    /// <inheritdoc />
    public IReadOnlyList<string> ListDirectory(string path) => [];

    /// <inheritdoc />
    public string? ResolvePath(string path) => null;

    /// <inheritdoc />
    /// <remarks>In memory, shared by every connector given this host (as processes on one real host share lock files).</remarks>
    public IDisposable? TryAcquireLock(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        lock (_heldLocks)
        {
            return _heldLocks.Add(path) ? new HeldLock(this, path) : null;
        }
    }

    private sealed class HeldLock(SimulatedWindowsInitiator host, string path) : IDisposable
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
