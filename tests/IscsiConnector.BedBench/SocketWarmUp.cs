using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IscsiConnector.Connector.Internal;

namespace IscsiConnector.BedBench;

/// <summary>
/// Runs the library's portal probe once against a loopback port that accepts and one that refuses, before the
/// host says it is ready. The first socket connect of a .NET process initialises the socket stack (~50 ms on this
/// VM's host, ~1.2 s under the bed's TCG): a node agent pays that once in its life, at its first multi-portal
/// attach, so a long-lived host measured steady-state must not charge it to whichever scenario probes first.
/// The cost is reported in the ready line instead.
/// </summary>
internal static class SocketWarmUp
{
    public static async Task<double> RunAsync()
    {
        var sw = Stopwatch.StartNew();
        var probe = new TcpPortalProbe(TimeProvider.System);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await probe.IsReachableAsync(new IscsiPortal("127.0.0.1", port), TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        listener.Stop();
        // The port was just released and nothing listens on it: the refused path (a SocketException) runs once too.
        await probe.IsReachableAsync(new IscsiPortal("127.0.0.1", port), TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        return Math.Round(sw.Elapsed.TotalMilliseconds, 1);
    }
}
