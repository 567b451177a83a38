using IscsiConnector.Initiator;
using IscsiConnector.PortalAttempts;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// The multipath attach's loop (the Cinder spec "Enhance iSCSI multipath support"): every <see cref="PortalAttempt"/>
/// at once, at most <c>MaxParallelLogins</c> logging in together, each after its own reachability probe. Which paths
/// count, and undoing the ones that worked when the attach fails, stay with <see cref="AttachOrchestrator"/>.
/// </summary>
/// <param name="portals">What every attempt shares (the initiator and the clock are used here too).</param>
/// <param name="order">Probes a portal.</param>
/// <param name="probePortals">Probe portals before their login (with more than one portal).</param>
/// <param name="maxParallelLogins">How many attempts log in at once.</param>
internal sealed class ParallelPortalAttempts(PortalAttemptServices portals, PortalOrder order, bool probePortals, int maxParallelLogins)
{
    /// <summary>
    /// Runs every attempt. When portals are probed, a portal without a session of the volume's targets (those of
    /// <paramref name="primaryIqn"/> and of the attempts) is probed first, and an unreachable one gets no login. Returns,
    /// or throws (cancellation, an unexpected failure), only once every attempt has settled, so the caller's undo sees
    /// each attempt's final state; an attempt cancelled midway has undone itself.
    /// </summary>
    public async Task RunAllAsync(IReadOnlyList<PortalAttempt> attempts, string primaryIqn, CancellationToken cancellationToken)
    {
        // Read once for all portals: a portal the host already has a session to needs no probe.
        IReadOnlyList<InitiatorSession>? sessions = probePortals && attempts.Count > 1
            ? await portals.Initiator.GetSessionsAsync([primaryIqn, .. attempts.Select(a => a.Path.Iqn)], cancellationToken).ConfigureAwait(false)
            : null;
        using var gate = new SemaphoreSlim(maxParallelLogins, maxParallelLogins);
        var tasks = attempts.Select(async a =>
        {
            // Each login starts as soon as its own probe answers: a dead portal's probe runs out alongside the others' logins.
            var probeStart = portals.Time.GetTimestamp();
            if (sessions is not null && !await order.IsWorthALoginAsync(a.Path, sessions, cancellationToken).ConfigureAwait(false))
            {
                a.Unreachable(portals.Time.GetElapsedTime(probeStart));
                return;
            }

            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await a.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();

        // Task.WhenAll completes, failed or not, only when every task has: nothing uses the gate after it.
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
