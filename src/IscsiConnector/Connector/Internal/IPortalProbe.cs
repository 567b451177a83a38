namespace IscsiConnector.Connector.Internal;

/// <summary>Checks whether a portal accepts TCP connections. A seam, so that unit tests never open a socket.</summary>
internal interface IPortalProbe
{
    Task<bool> IsReachableAsync(IscsiPortal portal, TimeSpan timeout, CancellationToken cancellationToken);
}
