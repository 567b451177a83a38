namespace IscsiConnector.Transports.Internal;

/// <summary>Chooses the iface an attach goes through, once per attach, and reports the host's transports.</summary>
internal interface ITransportSelector
{
    /// <summary>Validates (or creates) and hardware-checks the configured iface; applies the fallback policy.</summary>
    /// <exception cref="IscsiTransportException">The iface cannot be used and the policy is <see cref="TransportFallback.Fail"/>.</exception>
    Task<TransportSelection> SelectAsync(CancellationToken cancellationToken);

    /// <summary>The transports the kernel has loaded.</summary>
    IReadOnlyList<string> ListLoadedTransports();
}
