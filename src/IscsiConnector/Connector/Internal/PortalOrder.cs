using IscsiConnector.Initiator;
using IscsiConnector.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// Portal reachability before logins (a TCP connect, <see cref="AttachSettings.ProbePortals"/>): the failover
/// order, and whether a multipath portal is worth a login.
/// </summary>
internal sealed class PortalOrder(IPortalProbe probe, AttachSettings settings, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// The backend's order, or with probing the first reachable portal in the backend's order first. All portals
    /// are probed at once, but only the probes up to the first reachable one are waited for: a refused portal
    /// costs a round trip, a blackholed one <see cref="AttachSettings.ProbeTimeout"/>, and a healthy primary
    /// nothing but its own connect. Portals found unreachable go last; the rest keep the backend's order. Never
    /// skips a portal: the probe only reorders. The result names the portals found unreachable and when that was
    /// known, so a portal never logged into is reported as probed, not as "not tried".
    /// </summary>
    public async Task<ProbedOrder> ForFailoverAsync(IReadOnlyList<IscsiPath> order, CancellationToken cancellationToken)
    {
        if (!settings.ProbePortals || order.Count < 2)
        {
            return new ProbedOrder(order, ProbedOrder.NoneUnreachable);
        }

        var start = time.GetTimestamp();
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var probes = order.Select(p => probe.IsReachableAsync(p.Portal, settings.ProbeTimeout, abandon.Token)).ToArray();
        var unreachable = new Dictionary<IscsiPath, TimeSpan>();
        for (var i = 0; i < order.Count; i++)
        {
            var reachable = await probes[i].ConfigureAwait(false);
            Log.PortalProbe(logger, order[i].Portal.Address, reachable);
            if (reachable)
            {
                // The later probes are not needed any more: their portals keep the backend's order after this one.
                await abandon.CancelAsync().ConfigureAwait(false);
                return new ProbedOrder([order[i], .. order.Skip(i + 1), .. unreachable.Keys], unreachable);
            }

            unreachable[order[i]] = time.GetElapsedTime(start);
        }

        // Nothing answered: every portal gets its login in the backend's order after all.
        return new ProbedOrder(order, ProbedOrder.NoneUnreachable);
    }

    /// <summary>Whether a multipath portal gets a login: a session to it exists already, or it accepts a TCP connection within the probe timeout.</summary>
    public async Task<bool> IsWorthALoginAsync(IscsiPath path, IReadOnlyList<InitiatorSession> sessions, CancellationToken cancellationToken)
    {
        if (sessions.Any(s => s.Portal.SameAddressAs(path.Portal) && string.Equals(s.Iqn, path.Iqn, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var reachable = await probe.IsReachableAsync(path.Portal, settings.ProbeTimeout, cancellationToken).ConfigureAwait(false);
        Log.PortalProbe(logger, path.Portal.Address, reachable);
        return reachable;
    }
}
