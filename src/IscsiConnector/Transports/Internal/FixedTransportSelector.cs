namespace IscsiConnector.Transports.Internal;

/// <summary>
/// A selector with nothing to check: the requested iface is used as it is. The Windows initiator's "iface" is the
/// initiator portal address (an IP address checked before anything runs), with no iface records to create and no
/// hardware to verify, so it never falls back.
/// </summary>
/// <param name="requestedIface">The iface to report, <c>default</c> or an initiator portal address.</param>
/// <param name="transports">What <see cref="ListLoadedTransports"/> reports, e.g. <c>tcp</c> for the Microsoft software initiator.</param>
internal sealed class FixedTransportSelector(string requestedIface, IReadOnlyList<string> transports) : ITransportSelector
{
    public Task<TransportSelection> SelectAsync(CancellationToken cancellationToken) => Task.FromResult(new TransportSelection(requestedIface));

    public IReadOnlyList<string> ListLoadedTransports() => transports;
}
