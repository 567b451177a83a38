using IscsiConnector.Cli.Planning;
using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Testing.Windows;
using IscsiConnector.Transports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IscsiConnector.Cli.Hosting;

/// <summary>
/// One connector wired to this machine (<see cref="ProcessCommandExecutor"/> + the real sysfs)
/// or to a <see cref="SimulatedIscsiHost"/> (a <see cref="SimulatedWindowsInitiator"/> with <c>--platform windows</c>), with the progress or console logger. Build it only after every input was
/// checked: creating it starts nothing, but everything after it may.
/// </summary>
internal sealed class ConnectorSession : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly Action? _clearInvocations;

    private ConnectorSession(IVolumeConnector connector, IscsiIfaceManager ifaces, SimulatedIscsiHost? host, TimeProvider time, ILoggerFactory loggerFactory, Func<IVolumeConnector>? quietConnector, Action? clearInvocations)
    {
        _clearInvocations = clearInvocations;
        Connector = connector;
        Ifaces = ifaces;
        Time = time;
        Host = host;
        _loggerFactory = loggerFactory;
        QuietConnector = quietConnector;
    }

    public IVolumeConnector Connector { get; }

    /// <summary>Gets the iface manager on the same host, executor and logger (for the <c>iface</c> commands).</summary>
    public IscsiIfaceManager Ifaces { get; }

    /// <summary>Gets the host check on the same host, executor and logger (for <c>check</c>); <see langword="null"/> with <c>--platform windows</c>.</summary>
    public IscsiConnector.Readiness.IscsiHostCheck? HostCheck { get; private init; }

    /// <summary>Gets the clock the connector runs on (scaled under <c>--time-scale</c>).</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets the simulated host, or <see langword="null"/> on a real host.</summary>
    public SimulatedIscsiHost? Host { get; }

    /// <summary>Gets a factory for a connector on the same host that logs nothing (simulation set-up).</summary>
    private Func<IVolumeConnector>? QuietConnector { get; }

    /// <summary>Creates the session for a command; a bad scenario or option combination is a <see cref="UsageException"/>.</summary>
    public static ConnectorSession Open(ToolSettings settings)
    {
        SimulatedIscsiHost? host = null;
        SimulatedWindowsInitiator? windows = null;
        TimeProvider time = TimeProvider.System;
        string? description = null;
        if (settings.ScenarioPath is { } path)
        {
            time = settings.TimeScale switch
            {
                1 => TimeProvider.System,
                // 0: virtual time, waits complete at once (tests, quick demos); reported durations stay simulated.
                0 => new IscsiConnector.Testing.SimulatedTimeProvider(),
                var scale => new ScaledTimeProvider(scale),
            };
            if (settings.IsWindows)
            {
                (windows, description) = ScenarioLoader.LoadWindows(path, time);
            }
            else
            {
                (host, description) = ScenarioLoader.Load(path, time);
            }
        }

        var loggerFactory = CliLogging.CreateFactory(settings.Verbose, quiet: false);
        var session = windows is null
            ? Build(settings, host, time, loggerFactory, recorder: null)
            : Build(settings, new Simulated(windows, windows, windows.ClearInvocations), null, time, loggerFactory, recorder: null);
        if (description is not null)
        {
            CliLog.Simulating(loggerFactory.CreateLogger(CliLog.Category), description);
        }

        return session;
    }

    /// <summary>Creates a session over a given simulated host that records every step (for <c>plan</c>).</summary>
    public static ConnectorSession OpenRecording(ToolSettings settings, SimulatedIscsiHost host, StepRecorder recorder) =>
        Build(settings, host, host.TimeProvider, CliLogging.CreateFactory(settings.Verbose, quiet: !settings.Verbose), recorder);

    private static ConnectorSession Build(ToolSettings settings, SimulatedIscsiHost? host, TimeProvider time, ILoggerFactory loggerFactory, StepRecorder? recorder) =>
        Build(settings, host is null ? null : new Simulated(host, host, host.ClearInvocations), host, time, loggerFactory, recorder);

    /// <summary>
    /// With <c>--simulate</c>, attaches the volume without output first. Simulated state lives only as long as the
    /// process, so <c>disconnect</c>, <c>paths</c> and <c>extend</c> need the volume attached to have work to do.
    /// </summary>
    public async Task PrepareAttachedAsync(ConnectionInfo info, CancellationToken cancellationToken)
    {
        if (QuietConnector is null)
        {
            return;
        }

        try
        {
            await QuietConnector().ConnectVolumeAsync(info, cancellationToken);
        }
        catch (VolumeAttachException)
        {
            // The scenario cannot attach this volume: the command then runs on a host where it is not attached.
        }

        _clearInvocations?.Invoke();
    }

    public void Dispose()
    {
        _loggerFactory.Dispose();
    }

    private static ConnectorSession Build(ToolSettings settings, Simulated? simulated, SimulatedIscsiHost? host, TimeProvider time, ILoggerFactory loggerFactory, StepRecorder? recorder)
    {
        var logger = loggerFactory.CreateLogger(CliLog.Category);
        ICommandExecutor executor;
        IHostFileSystem? fileSystem;
        if (simulated is null)
        {
            executor = new ProcessCommandExecutor(
                new ProcessCommandExecutorOptions { RootHelper = [.. settings.RootHelper] },
                loggerFactory.CreateLogger<ProcessCommandExecutor>());
            // null: the factory's own PhysicalHostFileSystem (internal to the library), so sysfs writes are not observed here.
            fileSystem = null;
        }
        else
        {
            // A simulated host keeps its locks in memory: they never meet another process's (nor the system's).
            executor = simulated.Executor;
            fileSystem = simulated.FileSystem;
        }

        var options = settings.ToConnectorOptions();
        try
        {
            var observed = new ObservingExecutor(executor, logger, logCommands: simulated is not null, recorder);
            var observedFileSystem = fileSystem is null ? null : new ObservingFileSystem(fileSystem, logger, recorder);
            var connector = IscsiConnectorFactory.Create(options, observed, observedFileSystem, time, loggerFactory);
            var ifaceLogger = loggerFactory.CreateLogger<IscsiIfaceManager>();
            var ifaces = observedFileSystem is null
                ? IscsiIfaceManager.ForThisHost(observed, ifaceLogger, options.CommandTimeout)
                : new IscsiIfaceManager(observed, observedFileSystem, ifaceLogger, options.CommandTimeout);
            Func<IVolumeConnector>? quiet = simulated is null ? null : () => IscsiConnectorFactory.Create(options, simulated.Executor, simulated.FileSystem, time, NullLoggerFactory.Instance);
            // The host check is open-iscsi's (Linux); a Windows session has none.
            var hostCheck = settings.IsWindows ? null : IscsiConnectorFactory.CreateHostCheck(options, observed, observedFileSystem, time, loggerFactory);
            return new ConnectorSession(connector, ifaces, host, time, loggerFactory, quiet, simulated?.ClearInvocations) { HostCheck = hostCheck };
        }
        catch (OptionsValidationException ex)
        {
            loggerFactory.Dispose();
            throw new UsageException("invalid options: " + string.Join("; ", ex.Failures).ReplaceLineEndings(" "), ex);
        }
    }

    /// <summary>A simulated host of either platform: what the connector runs on, and how to forget set-up commands.</summary>
    private sealed record Simulated(ICommandExecutor Executor, IHostFileSystem FileSystem, Action ClearInvocations);
}
