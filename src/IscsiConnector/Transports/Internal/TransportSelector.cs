using IscsiConnector.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Transports.Internal;

/// <summary>The open-iscsi selector: <c>iscsiadm -m iface -I &lt;name&gt; -o show</c> (or creation), then the sysfs hardware check.</summary>
internal sealed class TransportSelector(IscsiIfaceManager ifaces, TransportSettings settings, ILogger logger) : ITransportSelector
{
    public async Task<TransportSelection> SelectAsync(CancellationToken cancellationToken)
    {
        var requested = settings.RequestedIface;
        if (requested == IscsiTransports.DefaultIface)
        {
            // The built-in software iface needs no check: it is what iscsiadm uses without -I.
            return new TransportSelection(requested);
        }

        try
        {
            var iface = settings.Definition is { } definition
                ? (await ifaces.EnsureAsync(definition, cancellationToken).ConfigureAwait(false)).Iface
                : await ifaces.ValidateAsync(requested, cancellationToken).ConfigureAwait(false);
            if (settings.VerifyHardware)
            {
                ifaces.CheckHardware(iface).ThrowIfUnusable();
            }

            return new TransportSelection(requested);
        }
        catch (IscsiTransportException e)
        {
            if (settings.Fallback == TransportFallback.Fail)
            {
                Log.TransportFailed(logger, requested, e.Reason, e.Message);
                throw;
            }

            Log.TransportFallingBack(logger, requested, e.Reason, e.Message);
            return new TransportSelection(IscsiTransports.DefaultIface, new TransportFallbackInfo(requested, e.Reason, e.Message));
        }
    }

    public IReadOnlyList<string> ListLoadedTransports() => ifaces.ListLoadedTransports();
}
