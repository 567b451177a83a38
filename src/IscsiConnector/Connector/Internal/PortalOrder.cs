using IscsiConnector.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Connector.Internal;

/// <summary>The failover order: the backend's, or with probing, reachable portals first (each group keeping the backend's order).</summary>
internal sealed class PortalOrder(IPortalProbe probe, AttachSettings settings, ILogger logger)
{
    public async Task<IReadOnlyList<IscsiPath>> ForFailoverAsync(IReadOnlyList<IscsiPath> order, CancellationToken cancellationToken)
    {
        if (!settings.ProbePortals || order.Count < 2)
        {
            return order;
        }

        // Probe all at once; reachable portals keep their relative order, unreachable ones move to the end.
        var probes = order.Select(p => probe.IsReachableAsync(p.Portal, settings.ProbeTimeout, cancellationToken)).ToArray();
        var reachable = await Task.WhenAll(probes).ConfigureAwait(false);
        for (var i = 0; i < order.Count; i++)
        {
            Log.PortalProbe(logger, order[i].Portal.Address, reachable[i]);
        }

        return order.Where((_, i) => reachable[i]).Concat(order.Where((_, i) => !reachable[i])).ToList();
    }
}
