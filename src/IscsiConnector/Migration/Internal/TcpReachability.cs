using System.Net.Sockets;

namespace IscsiConnector.Migration.Internal;

/// <summary>
/// Whether a portal accepts TCP connections within a deadline: the connection is closed at once, before any
/// iSCSI PDU, so nothing logs in. (The connector has its own probe in Connector/Internal; this folder depends
/// only on public types, so it does not borrow that one.)
/// </summary>
internal static class TcpReachability
{
    public static async Task<bool> AcceptsAsync(IscsiPortal portal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(portal.Host, portal.Port, deadline.Token).ConfigureAwait(false);
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
