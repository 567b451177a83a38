namespace IscsiConnector.Connector.Internal;

/// <summary>
/// A failover order after the reachability probes: the paths to try in turn, and the portals found unreachable
/// (tried last, only when every reachable one failed) with how long their probe took.
/// </summary>
internal sealed record ProbedOrder(IReadOnlyList<IscsiPath> Paths, IReadOnlyDictionary<IscsiPath, TimeSpan> Unreachable)
{
    public static readonly IReadOnlyDictionary<IscsiPath, TimeSpan> NoneUnreachable = new Dictionary<IscsiPath, TimeSpan>();
}
