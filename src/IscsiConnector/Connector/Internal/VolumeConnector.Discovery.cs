using IscsiConnector.Internal;
using IscsiConnector.Transports.Internal;

namespace IscsiConnector.Connector.Internal;

/// <summary>Finding more portals with SendTargets when a multipath attach was given only one (spec 001).</summary>
internal sealed partial class VolumeConnector
{
    /// <summary>
    /// The portals to log into. With a single portal and <see cref="IscsiConnectorOptions.DiscoverWhenSinglePortal"/>,
    /// SendTargets discovery adds the same target on other portals (tgtd only reports the portal asked, so often
    /// nothing is added). Returns which records existed before discovery, because discovery creates records that
    /// are then ours to clean up.
    /// </summary>
    private async Task<(IReadOnlyList<IscsiPath> Paths, Func<IscsiPath, bool>? ExistedBefore)> PathsForMultipathAsync(ConnectionInfo info, TransportSelection transport, CancellationToken cancellationToken)
    {
        var paths = info.MultipathPaths;
        if (paths.Count != 1 || !_options.DiscoverWhenSinglePortal)
        {
            return (paths, null);
        }

        var primary = paths[0];
        var before = _initiator.ListNodePortals(primary.Iqn);
        IReadOnlyList<IscsiPath> discovered;
        try
        {
            discovered = await DiscoverWithFallbackAsync(transport, primary, info.DiscoveryChap, cancellationToken).ConfigureAwait(false);
        }
        catch (IscsiCommandException e)
        {
            Log.PortalFailed(_logger, primary.Portal.Address, primary.Iqn, primary.Lun, e.IsAuthenticationFailure ? PortalFailureKind.AuthenticationFailed : PortalFailureKind.LoginFailed, "SendTargets discovery failed, using the given portal only: " + e.Message);
            return (paths, p => before.Any(b => b.SameAddressAs(p.Portal)));
        }

        // Only the same target on other portals: a different IQN from discovery could be another volume.
        var result = new List<IscsiPath> { primary };
        foreach (var path in discovered.Where(d => string.Equals(d.Iqn, primary.Iqn, StringComparison.OrdinalIgnoreCase)))
        {
            if (!result.Exists(p => SameTarget(p, path)))
            {
                result.Add(path with { Portal = path.Portal with { Tpgt = null } });
            }
        }

        Log.DiscoveryFallback(_logger, primary.Portal.Address, result.Count);
        return (result, p => before.Any(b => b.SameAddressAs(p.Portal)));
    }
}
