namespace IscsiConnector.Transports.Internal;

/// <summary>
/// The iface one attach uses. Mutable on purpose: when discovery through the configured iface fails and the
/// policy allows, the rest of the attach moves to the default iface (and says why).
/// </summary>
internal sealed class TransportSelection(string iface, TransportFallbackInfo? fallback = null)
{
    public string Iface { get; private set; } = iface;

    public TransportFallbackInfo? Fallback { get; private set; } = fallback;

    public void FallBack(TransportFallbackInfo why)
    {
        Iface = IscsiTransports.DefaultIface;
        Fallback = why;
    }
}
