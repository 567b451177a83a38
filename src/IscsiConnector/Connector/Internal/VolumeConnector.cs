using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Internal;
using IscsiConnector.Linux;
using IscsiConnector.Locking.Internal;
using IscsiConnector.Resilience.Internal;
using IscsiConnector.Transports;
using IscsiConnector.Transports.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// The platform-neutral attach/detach flow: which portals, in which order, in parallel or not, what
/// counts as success and what to clean up. Everything host-specific goes through <see cref="IIscsiInitiator"/>.
/// </summary>
internal sealed partial class VolumeConnector : IVolumeConnector
{
    private readonly IscsiConnectorOptions _options;
    private readonly IIscsiInitiator _initiator;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConnectorPipelines _pipelines;
    private readonly TargetLocks _locks;
    private readonly IPortalProbe _probe;
    private readonly ITransportSelector _transports;

    public VolumeConnector(IscsiConnectorOptions options, ICommandExecutor executor, IHostFileSystem fileSystem, TimeProvider time, ILoggerFactory loggerFactory)
        : this(options, new OpenIscsiInitiator(executor, fileSystem, options), fileSystem, time, loggerFactory, new TcpPortalProbe(time), new TransportSelector(new IscsiIfaceManager(executor, fileSystem, options, loggerFactory?.CreateLogger("IscsiConnector.Transports")), options, loggerFactory?.CreateLogger("IscsiConnector.Transports") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
    {
    }

    internal VolumeConnector(IscsiConnectorOptions options, IIscsiInitiator initiator, IHostFileSystem lockFileSystem, TimeProvider time, ILoggerFactory loggerFactory, IPortalProbe probe, ITransportSelector? transports = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(initiator);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _initiator = initiator;
        _time = time;
        _probe = probe;
        _transports = transports ?? new FixedTransportSelector(options);
        _logger = loggerFactory.CreateLogger("IscsiConnector.VolumeConnector");
        _pipelines = new ConnectorPipelines(options, time, _logger);
        _locks = new TargetLocks(lockFileSystem, options.LockDirectory, options.LockTimeout, _pipelines.LockPoll, _logger);
    }

    private NodeSettings SettingsFor(ConnectionInfo info) => NodeSettings.From(_options, info.Chap);

    private static string VolumeName(ConnectionInfo info) => info.VolumeId ?? info.Primary.Iqn;

    /// <summary>Every path the connection info names (primary, alternatives, portals), without duplicates.</summary>
    private static List<IscsiPath> AllNamedPaths(ConnectionInfo info)
    {
        var result = new List<IscsiPath>();
        foreach (var path in info.FailoverOrder.Concat(info.MultipathPaths))
        {
            if (!result.Exists(p => SamePath(p, path)))
            {
                result.Add(path);
            }
        }

        return result;
    }

    private static bool SamePath(IscsiPath a, IscsiPath b) =>
        a.Lun == b.Lun && a.Portal.SameAddressAs(b.Portal) && string.Equals(a.Iqn, b.Iqn, StringComparison.OrdinalIgnoreCase);

    private static bool SameTarget(IscsiPath a, IscsiPath b) =>
        a.Portal.SameAddressAs(b.Portal) && string.Equals(a.Iqn, b.Iqn, StringComparison.OrdinalIgnoreCase);
}
