using IscsiConnector.Initiator;

namespace IscsiConnector.Connector.Internal;

/// <summary>What <see cref="AttachOrchestrator"/> needs from the connector's options.</summary>
/// <param name="UseMultipath">Log into every portal in parallel and return the multipath device.</param>
/// <param name="EnforceMultipath">Refuse a multipath attach when the multipath daemon is not running.</param>
/// <param name="RequireAllPaths">A multipath attach fails unless every path works.</param>
/// <param name="MaxParallelLogins">How many portals a multipath attach tries at once.</param>
/// <param name="MultipathWaitTimeout">How long to wait for the multipath map.</param>
/// <param name="DiscoverWhenSinglePortal">Discover more portals (SendTargets) when a multipath attach names one.</param>
/// <param name="ProbePortals">Probe portals (TCP) before a failover attach and try unreachable ones last.</param>
/// <param name="ProbeTimeout">How long one probe may take.</param>
/// <param name="FallBackToTcp">Whether discovery through a configured iface falls back to the default TCP iface (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP").</param>
/// <param name="Node">The node settings of every attach; the CHAP credentials come from the connection info.</param>
internal sealed record AttachSettings(
    bool UseMultipath,
    bool EnforceMultipath,
    bool RequireAllPaths,
    int MaxParallelLogins,
    TimeSpan MultipathWaitTimeout,
    bool DiscoverWhenSinglePortal,
    bool ProbePortals,
    TimeSpan ProbeTimeout,
    bool FallBackToTcp,
    NodeSettings Node);
