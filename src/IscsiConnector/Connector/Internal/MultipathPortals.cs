using IscsiConnector.Initiator;
using IscsiConnector.Internal;
using IscsiConnector.Locking.Internal;
using IscsiConnector.Transports;
using IscsiConnector.Transports.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Connector.Internal;

/// <summary>The portals of a multipath attach, finding more with SendTargets when it was given only one (the Cinder spec "Enhance iSCSI multipath support").</summary>
internal sealed class MultipathPortals(IIscsiInitiator initiator, TargetLocks locks, AttachSettings settings, ILogger logger)
{
    /// <summary>Stands in for a target name in the lock of a portal's discovery record (no IQN has this form).</summary>
    private const string DiscoveryLockName = "sendtargets-discovery";

    /// <summary>
    /// The portals to log into. With a single portal and discovery on, SendTargets adds the same target on other
    /// portals (tgtd only reports the portal asked, so often nothing is added). Returns which records existed
    /// before discovery, because discovery creates records that are then ours to clean up.
    /// </summary>
    public async Task<(IReadOnlyList<IscsiPath> Paths, Func<IscsiPath, bool>? ExistedBefore)> ForAsync(ConnectionInfo info, TransportSelection transport, CancellationToken cancellationToken)
    {
        var paths = info.MultipathPaths;
        if (paths.Count != 1 || !settings.DiscoverWhenSinglePortal)
        {
            return (paths, null);
        }

        var primary = paths[0];
        var before = await initiator.ListNodePortalsAsync(primary.Iqn, cancellationToken).ConfigureAwait(false);
        Func<IscsiPath, bool> existedBefore = p => before.Any(b => b.SameAddressAs(p.Portal));
        IReadOnlyList<IscsiPath> discovered;
        try
        {
            // One discovery per portal at a time, across processes: the discovery record an attach creates is deleted
            // when it is done, which would pull it away from another attach's discovery.
            await using var held = (await locks.AcquireAsync(primary.Portal, DiscoveryLockName, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            discovered = await DiscoverWithFallbackAsync(transport, primary, info.DiscoveryChap, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IscsiCommandException or TimeoutException)
        {
            Log.PortalFailed(logger, primary.Portal.Address, primary.Iqn, primary.Lun, e is IscsiCommandException { IsAuthenticationFailure: true } ? PortalFailureKind.AuthenticationFailed : PortalFailureKind.LoginFailed, "SendTargets discovery failed, using the given portal only: " + e.Message);
            return (paths, existedBefore);
        }

        // Only the same target on other portals: a different IQN from discovery could be another volume.
        var result = new List<IscsiPath> { primary };
        foreach (var path in discovered.Where(d => string.Equals(d.Iqn, primary.Iqn, StringComparison.OrdinalIgnoreCase)))
        {
            if (!result.Exists(p => VolumeSessions.SameTarget(p, path)))
            {
                result.Add(path with { Portal = path.Portal with { Tpgt = null } });
            }
        }

        Log.DiscoveryFallback(logger, primary.Portal.Address, result.Count);
        return (result, existedBefore);
    }

    /// <summary>SendTargets discovery through the selected iface, moving the whole attach to the default iface when it fails and the policy allows.</summary>
    private async Task<IReadOnlyList<IscsiPath>> DiscoverWithFallbackAsync(TransportSelection selection, IscsiPath primary, ChapCredentials? discoveryChap, CancellationToken cancellationToken)
    {
        // A discovered path is the same LUN of the same array: it is addressed as the primary is.
        try
        {
            return LunAddressingNames.Apply(await initiator.WithIface(selection.Iface).DiscoverAsync(primary.Portal, primary.Lun, discoveryChap, cancellationToken).ConfigureAwait(false), primary.Addressing);
        }
        catch (IscsiCommandException e) when (selection.Iface != IscsiTransports.DefaultIface && settings.FallBackToTcp && !e.IsAuthenticationFailure)
        {
            Log.PortalTransportFallback(logger, "Discovery", selection.Iface, primary.Portal.Address, e.Message);
            selection.FallBack(new TransportFallbackInfo(selection.Iface, IscsiTransportFailureReason.LoginFailed, "SendTargets discovery failed: " + e.Message));
            return LunAddressingNames.Apply(await initiator.WithIface(IscsiTransports.DefaultIface).DiscoverAsync(primary.Portal, primary.Lun, discoveryChap, cancellationToken).ConfigureAwait(false), primary.Addressing);
        }
    }
}
