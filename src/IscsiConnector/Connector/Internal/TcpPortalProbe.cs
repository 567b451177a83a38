using System.Net.Sockets;

namespace IscsiConnector.Connector.Internal;

/// <summary>A TCP connect to the portal, closed at once (the target sees a connection without a login PDU).</summary>
internal sealed class TcpPortalProbe(TimeProvider time) : IPortalProbe
{
    public async Task<bool> IsReachableAsync(IscsiPortal portal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(portal.Host, portal.Port, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
