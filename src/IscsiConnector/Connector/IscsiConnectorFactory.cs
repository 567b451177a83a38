using IscsiConnector.Connector.Internal;
using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Initiator;
using IscsiConnector.IscsiAdm;
using IscsiConnector.Linux;
using IscsiConnector.Linux.Internal;
using IscsiConnector.Locking.Internal;
using IscsiConnector.PortalAttempts;
using IscsiConnector.Resilience.Internal;
using IscsiConnector.Telemetry;
using IscsiConnector.Transports;
using IscsiConnector.Transports.Internal;
using IscsiConnector.Windows;
using IscsiConnector.Windows.Internal;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IscsiConnector;

/// <summary>
/// Creates an <see cref="IVolumeConnector"/> without dependency injection. The composition root: the only place
/// (with <c>AddIscsiConnector</c>, which calls it) that turns <see cref="IscsiConnectorOptions"/> into each part's
/// own settings and wires the parts together.
/// </summary>
public static partial class IscsiConnectorFactory
{
    /// <summary>Creates a connector for this Linux host (open-iscsi), or over the seams given (tests, a simulated host).</summary>
    /// <param name="options">The settings; <see langword="null"/> for the defaults. Validated here. The connector keeps this instance: do not change it afterwards.</param>
    /// <param name="executor">Runs the commands; <see langword="null"/> for real processes.</param>
    /// <param name="fileSystem">Reads sysfs, <c>/dev</c> and <c>/etc/iscsi</c>; <see langword="null"/> for the real file system.</param>
    /// <param name="timeProvider">The clock for timeouts and backoff; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Where log events go; <see langword="null"/> for none.</param>
    /// <param name="meterFactory">Creates the connector's <see cref="Meter"/> (<see cref="IscsiConnectorTelemetry.MeterName"/>); <see langword="null"/> for a static meter shared by every connector made without one.</param>
    /// <returns>A connector.</returns>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> breaks a rule; the message lists every problem.</exception>
    public static IVolumeConnector Create(
        IscsiConnectorOptions? options = null,
        ICommandExecutor? executor = null,
        IHostFileSystem? fileSystem = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null)
    {
        options ??= new IscsiConnectorOptions();
        Validate(options);
        return Build(
            options,
            executor ?? CreateProcessExecutor(options, loggerFactory),
            fileSystem ?? new PhysicalHostFileSystem(),
            timeProvider ?? TimeProvider.System,
            loggerFactory ?? NullLoggerFactory.Instance,
            ConnectorMetrics.For(meterFactory));
    }

    /// <summary>Wires a connector from validated <paramref name="options"/>; <paramref name="probe"/> replaces the TCP probe (tests).</summary>
    internal static IVolumeConnector Build(IscsiConnectorOptions options, ICommandExecutor executor, IHostFileSystem fileSystem, TimeProvider time, ILoggerFactory loggerFactory, ConnectorMetrics metrics, IPortalProbe? probe = null)
    {
        // The probe is chosen by what the caller's executor is, so it is picked before the executor is wrapped.
        probe ??= ProbeFor(executor, fileSystem, time);
        executor = new InstrumentedCommandExecutor(executor, metrics.Commands, time);
        var logger = loggerFactory.CreateLogger("IscsiConnector.VolumeConnector");
        var transportLogger = loggerFactory.CreateLogger("IscsiConnector.Transports");
        var requestedIface = TransportSettings.RequestedIfaceOf(options);
        var windows = WindowsPlatform.IsSelected(options);
        IIscsiInitiator initiator;
        ITransportSelector transports;
        Readiness.IscsiHostCheck? hostCheck = null;
        if (windows)
        {
            // Only the initiator differs: every rule below is the same flow on both platforms.
            initiator = WindowsPlatform.Create(options, executor);
            transports = new FixedTransportSelector(requestedIface, [IscsiTransports.Tcp]);
        }
        else
        {
            var runner = new CommandRunner(executor, options.CommandTimeout);
            // With a root helper, what only root may read or write becomes commands the helper elevates.
            var files = new PrivilegedFiles(executor, fileSystem, throughCommands: options.RootHelper.Count > 0);
            initiator = new OpenIscsiInitiator(runner, fileSystem, files, new OpenIscsiSettings(options.Transport, options.LoginTimeout, time));
            hostCheck = options.CheckHostBeforeAttach ? Microsoft.Extensions.DependencyInjection.HostCheckComposition.Create(options, executor, fileSystem, files, time, loggerFactory) : null;
            transports = new TransportSelector(
                new IscsiIfaceManager(runner, fileSystem, transportLogger),
                new TransportSettings(requestedIface, options.IfaceDefinition, options.VerifyTransportHardware, options.TransportFallback),
                transportLogger);
        }

        var fallBackToTcp = options.TransportFallback == TransportFallback.FallBackToTcp;
        var pipelines = new ConnectorPipelines(
            new RetrySettings(options.LoginRetryAttempts, options.LoginRetryDelay, options.FlushRetries, options.FlushRetryDelay, options.DevicePollInterval), time, logger);
        var locks = new TargetLocks(fileSystem, options.LockDirectory, options.LockTimeout, pipelines.LockPoll, logger);
        var portals = new PortalAttemptServices(initiator, locks, pipelines, time, logger, metrics, new PortalAttemptSettings(options.DeviceWaitTimeout, options.RescanAttempts, fallBackToTcp));
        var attach = new AttachSettings(
            options.UseMultipath, options.EnforceMultipath, options.RequireAllPaths, options.MaxParallelLogins, options.MultipathWaitTimeout,
            options.DiscoverWhenSinglePortal, options.ProbePortals, options.ProbeTimeout, fallBackToTcp,
            new NodeSettings(options.LoginTimeout, options.InitialLoginRetryMax, options.AutomaticStartup, options.ReplacementTimeout, Chap: null));
        var sessions = new VolumeSessions(initiator, new VolumeSessionSettings(options.UseMultipath, options.DiscoverWhenSinglePortal, requestedIface, fallBackToTcp));
        var connector = new VolumeConnector(
            new AttachOrchestrator(portals, transports, new PortalOrder(probe, attach, time, logger), new MultipathPortals(initiator, locks, attach, logger), attach, hostCheck),
            new Detacher(initiator, new LeftoverRecords(initiator, locks, pipelines), sessions, locks, pipelines, options.DeviceRemovalTimeout, logger),
            new VolumeQueries(initiator, sessions, locks, transports, options.UseMultipath, options.EnforceMultipath),
            new OperationTelemetry(metrics, time, logger));
        return windows ? new WindowsConnector(connector, requestedIface) : connector;
    }

    // A simulated host answers the reachability probe itself (no socket is opened for its portals); the real host
    // (its file system or its process executor) gets a TCP connect; any other seam (a fake) gets none: every portal
    // counts as reachable, so the backend's order is kept and no socket is opened for a fake portal. A delegating
    // wrapper (a recorder, a logger) is looked through to the executor it hands commands on to.
    private static IPortalProbe ProbeFor(ICommandExecutor executor, IHostFileSystem fileSystem, TimeProvider time)
    {
        var underneath = Underneath(executor);
        return underneath as IPortalProbe
            ?? fileSystem as IPortalProbe
            ?? (fileSystem is PhysicalHostFileSystem || underneath is ProcessCommandExecutor ? new TcpPortalProbe(time) : NoPortalProbe.Instance);
    }

    // Bounded, so that a wrapper that (wrongly) names itself as its own inner executor cannot hang the factory.
    private static ICommandExecutor Underneath(ICommandExecutor executor)
    {
        for (var depth = 0; depth < 16 && executor is IDelegatingCommandExecutor { InnerExecutor: { } inner }; depth++)
        {
            executor = inner;
        }

        return executor;
    }
}
