using IscsiConnector.Transports;
using IscsiConnector.Transports.Internal;

namespace IscsiConnector.Windows.Internal;

/// <summary>
/// The Windows counterpart of the iface selection: <c>default</c> lets the initiator choose the local address, any
/// other value is the initiator portal address to log in from (checked as an IP address before anything runs).
/// There are no iface records to create or hardware to check, so it never falls back.
/// </summary>
internal sealed class WindowsTransportSelector(string requestedIface) : ITransportSelector
{
    public Task<TransportSelection> SelectAsync(CancellationToken cancellationToken) => Task.FromResult(new TransportSelection(requestedIface));

    /// <summary>The Microsoft software initiator speaks iSCSI over TCP only.</summary>
    public IReadOnlyList<string> ListLoadedTransports() => [IscsiTransports.Tcp];
}
