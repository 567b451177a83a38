using IscsiConnector.Initiator;
using IscsiConnector.Transports;

namespace IscsiConnector.Connector.Internal;

/// <summary>Finds a volume's sessions and disks on the host, for disconnect and the queries: never a session of another iface.</summary>
internal sealed class VolumeSessions(IIscsiInitiator initiator, VolumeSessionSettings settings)
{
    public static string VolumeName(ConnectionInfo info) => info.VolumeId ?? info.Primary.Iqn;

    public static bool SamePath(IscsiPath a, IscsiPath b) =>
        a.Lun == b.Lun && SameTarget(a, b);

    public static bool SameTarget(IscsiPath a, IscsiPath b) =>
        a.Portal.SameAddressAs(b.Portal) && string.Equals(a.Iqn, b.Iqn, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The volume's sessions and disks as the host has them now: every path the connection info names, the
    /// attachment's paths, and (after a discovery-based multipath attach) the same target on other portals.
    /// </summary>
    public async Task<List<ConnectedPath>> FindAsync(ConnectionInfo info, VolumeAttachment? attachment, CancellationToken cancellationToken)
    {
        var paths = new List<IscsiPath>();
        foreach (var path in info.FailoverOrder.Concat(info.MultipathPaths).Concat(attachment?.Devices.Select(d => d.Path) ?? []))
        {
            AddNew(paths, path);
        }

        var sessions = await initiator.GetSessionsAsync(paths.Select(p => p.Iqn).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), cancellationToken).ConfigureAwait(false);
        if (settings.UseMultipath && settings.DiscoverWhenSinglePortal && info.MultipathPaths.Count == 1)
        {
            var primary = info.MultipathPaths[0];
            foreach (var session in sessions.Where(s => string.Equals(s.Iqn, primary.Iqn, StringComparison.OrdinalIgnoreCase)))
            {
                AddNew(paths, primary with { Portal = session.Portal });
            }
        }

        var result = new List<ConnectedPath>();
        foreach (var path in paths)
        {
            var session = sessions.FirstOrDefault(s => IsOurs(s, path));
            if (session is not null)
            {
                // The disk is looked up again rather than trusted from the attachment: a stale sdX name may
                // since belong to another LUN.
                result.Add(new ConnectedPath(path, session, initiator.FindDisk(session, initiator.HostLun(path))));
            }
        }

        return result;
    }

    /// <summary>The distinct disks of <paramref name="found"/>.</summary>
    public static List<string> Disks(IEnumerable<ConnectedPath> found) =>
        found.Where(f => f.Disk is not null).Select(f => f.Disk!.Name).Distinct(StringComparer.Ordinal).ToList();

    private static void AddNew(List<IscsiPath> paths, IscsiPath path)
    {
        if (!paths.Exists(p => SamePath(p, path)))
        {
            paths.Add(path);
        }
    }

    /// <summary>
    /// Every iface an attach of ours may have used: the configured one, and the default one when the policy
    /// falls back. A session through any other iface is someone else's and is never touched.
    /// </summary>
    private bool IsOurs(InitiatorSession session, IscsiPath path) =>
        session.Matches(path.Portal, path.Iqn, settings.RequestedIface)
        || (settings.FallBackToTcp && session.Matches(path.Portal, path.Iqn, IscsiTransports.DefaultIface));
}
