namespace IscsiConnector.Transports.Internal;

/// <summary>
/// For connectors built over an initiator without iscsiadm access (tests of the platform-neutral flow): uses the
/// configured iface as it is, without validation or hardware check, and reports no transports.
/// </summary>
internal sealed class FixedTransportSelector(IscsiConnectorOptions options) : ITransportSelector
{
    public Task<TransportSelection> SelectAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new TransportSelection(TransportSelector.RequestedIface(options)));

    public IReadOnlyList<string> ListLoadedTransports() => [];
}
