namespace IscsiConnector.Connector.Internal;

/// <summary>Every portal counts as reachable: the probe for seams that are neither the real host nor a simulated one.</summary>
internal sealed class NoPortalProbe : IPortalProbe
{
    public static readonly NoPortalProbe Instance = new();

    public Task<bool> IsReachableAsync(IscsiPortal portal, TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(true);
}
