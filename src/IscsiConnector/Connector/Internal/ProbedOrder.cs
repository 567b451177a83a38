using IscsiConnector.PortalAttempts;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// A failover order after the reachability probes: the paths to try in turn, and the portals found unreachable
/// (tried last, only when every reachable one failed) with how long their probe took.
/// </summary>
internal sealed record ProbedOrder(IReadOnlyList<IscsiPath> Paths, IReadOnlyDictionary<IscsiPath, TimeSpan> Unreachable)
{
    public static readonly IReadOnlyDictionary<IscsiPath, TimeSpan> NoneUnreachable = new Dictionary<IscsiPath, TimeSpan>();

    /// <summary>
    /// Says why each attempt after the winner got no login: a portal the probe found dead is reported failed
    /// (unreachable, with its probe time), not merely "not tried", so the report shows the primary was down.
    /// </summary>
    public void ReportNotTried(IEnumerable<PortalAttempt> rest, PortalAttempt winner)
    {
        foreach (var attempt in rest)
        {
            if (Unreachable.TryGetValue(attempt.Path, out var probeTime))
            {
                attempt.Unreachable(probeTime);
            }
            else
            {
                attempt.NotTried($"Not tried: {winner.Path.Portal.Address} succeeded first.");
            }
        }
    }
}
