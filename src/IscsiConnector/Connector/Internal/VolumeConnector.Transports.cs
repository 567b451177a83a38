using IscsiConnector.Internal;
using IscsiConnector.Transports;
using IscsiConnector.Transports.Internal;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// Transports and ifaces (spec 004): which iface each portal goes through, and the fallback to the default TCP
/// iface when a login or discovery through the configured one fails.
/// </summary>
internal sealed partial class VolumeConnector
{
    /// <summary>The initiator bound to <paramref name="iface"/> (the configured one is <see cref="_initiator"/> itself).</summary>
    private IIscsiInitiator For(string? iface) =>
        iface is null || iface == _options.Transport ? _initiator : _initiator.WithIface(iface);

    private static PathAttempt NewAttempt(IscsiPath path, TransportSelection selection) =>
        new(path) { Iface = selection.Iface, TransportFallback = selection.Fallback };

    /// <summary>
    /// Every iface an attach of ours may have used: the configured one, and the default one when the policy
    /// falls back. A session through any other iface is someone else's and is never touched.
    /// </summary>
    private bool IsOurSession(InitiatorSession session, IscsiPath path)
    {
        var requested = TransportSelector.RequestedIface(_options);
        return session.Matches(path.Portal, path.Iqn, requested)
            || (_options.TransportFallback == TransportFallback.FallBackToTcp && session.Matches(path.Portal, path.Iqn, IscsiTransports.DefaultIface));
    }

    /// <summary>
    /// Logs in through the attempt's iface; when that fails for a reason other than authentication (a CHAP
    /// rejection would repeat over TCP) and the policy allows, undoes the attempt and tries the portal once more
    /// through the default TCP iface, recording why.
    /// </summary>
    private async Task<bool> LoginWithFallbackAsync(PathAttempt attempt, NodeSettings settings, Func<IscsiPath, bool>? existedBefore, CancellationToken cancellationToken)
    {
        if (await LoginOrReuseAsync(attempt, settings, existedBefore, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        if (attempt.Iface == IscsiTransports.DefaultIface
            || _options.TransportFallback != TransportFallback.FallBackToTcp
            || attempt.Failure is not (PortalFailureKind.LoginFailed or PortalFailureKind.NodeSetupFailed))
        {
            return false;
        }

        var why = new TransportFallbackInfo(attempt.Iface, IscsiTransportFailureReason.LoginFailed, attempt.Message ?? "the login failed");
        Log.PortalTransportFallback(_logger, "Login", attempt.Iface, attempt.Path.Portal.Address, why.Message);
        await UndoLockedAsync(attempt).ConfigureAwait(false);
        attempt.ClearFailure();
        attempt.Iface = IscsiTransports.DefaultIface;
        attempt.TransportFallback = why;
        return await LoginOrReuseAsync(attempt, settings, existedBefore, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SendTargets discovery through the selected iface, moving the whole attach to the default iface when it fails and the policy allows.</summary>
    private async Task<IReadOnlyList<IscsiPath>> DiscoverWithFallbackAsync(TransportSelection selection, IscsiPath primary, ChapCredentials? discoveryChap, CancellationToken cancellationToken)
    {
        try
        {
            return await For(selection.Iface).DiscoverAsync(primary.Portal, primary.Lun, discoveryChap, cancellationToken).ConfigureAwait(false);
        }
        catch (IscsiCommandException e) when (selection.Iface != IscsiTransports.DefaultIface
            && _options.TransportFallback == TransportFallback.FallBackToTcp && !e.IsAuthenticationFailure)
        {
            Log.PortalTransportFallback(_logger, "Discovery", selection.Iface, primary.Portal.Address, e.Message);
            selection.FallBack(new TransportFallbackInfo(selection.Iface, IscsiTransportFailureReason.LoginFailed, "SendTargets discovery failed: " + e.Message));
            return await For(IscsiTransports.DefaultIface).DiscoverAsync(primary.Portal, primary.Lun, discoveryChap, cancellationToken).ConfigureAwait(false);
        }
    }
}
