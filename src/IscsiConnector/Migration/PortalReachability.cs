namespace IscsiConnector.Migration;

/// <summary>What the reachability probe found for one path of the failover order.</summary>
/// <param name="Path">The path (portal, IQN, LUN).</param>
/// <param name="Reachable"><see langword="true"/> when the portal accepted a TCP connection, <see langword="false"/> when it refused or timed out,
/// <see langword="null"/> when it was not probed (a portal before it was chosen).</param>
public sealed record PortalReachability(IscsiPath Path, bool? Reachable);
