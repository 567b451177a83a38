using System.Globalization;
using IscsiConnector.Migration.Internal;

namespace IscsiConnector.Migration;

/// <summary>
/// Turns a <c>connection_info</c> into what QEMU's built-in iSCSI initiator (libiscsi) needs, without logging in on
/// this host: the libvirt <c>&lt;disk type='network'&gt;</c>, the <c>iscsi://</c> URL and the <c>-blockdev</c>
/// options (<see cref="LibiscsiVolume"/>). The path is the first one of the backend's failover order whose portal
/// accepts a TCP connection. libvirt takes exactly one <c>&lt;host&gt;</c> for iSCSI (its schema allows one; its QEMU
/// driver says "protocol 'iscsi' accepts only one host"), so the other portals cannot be listed as failover hosts.
/// </summary>
public static class LibiscsiConfiguration
{
    /// <summary>Probes the portals in failover order (primary, then the alternatives) and describes the volume on the first that answers.</summary>
    /// <param name="connectionInfo">The volume's connection_info (on a migration: the destination's).</param>
    /// <param name="options">Target device, serial, secret reference…; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the probing.</param>
    /// <returns>The volume, with what the probe found for each path.</returns>
    /// <remarks>The probe is a TCP connect closed before any iSCSI PDU (no login), bounded by <see cref="LibiscsiOptions.ProbeTimeout"/> per portal.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="connectionInfo"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the parameter name names it.</exception>
    /// <exception cref="LiveMigrationException">No portal accepted a connection (<see cref="LiveMigrationFailure.NoReachablePortal"/>), or the
    /// connection_info needs mutual CHAP, which QEMU's initiator does not offer (<see cref="LiveMigrationFailure.UnsupportedConnectionInfo"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<LibiscsiVolume> CreateAsync(ConnectionInfo connectionInfo, LibiscsiOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionInfo);
        options ??= new LibiscsiOptions();
        LibiscsiOptionsRules.Validate(connectionInfo, options);
        var order = connectionInfo.FailoverOrder;
        var found = new List<PortalReachability>(order.Count);
        IscsiPath? chosen = null;
        foreach (var path in order)
        {
            if (chosen is not null)
            {
                found.Add(new PortalReachability(path, null));
                continue;
            }

            var reachable = await TcpReachability.AcceptsAsync(path.Portal, options.ProbeTimeout, cancellationToken).ConfigureAwait(false);
            found.Add(new PortalReachability(path, reachable));
            chosen = reachable ? path : null;
        }

        if (chosen is null)
        {
            throw new LiveMigrationException(
                LiveMigrationFailure.NoReachablePortal,
                $"No portal of volume {connectionInfo.VolumeId ?? "(no volume_id)"} accepted a TCP connection within {options.ProbeTimeout.TotalSeconds:0.###} s: {string.Join(", ", order.Select(p => p.Portal.Address))}. Check the target and the network; nothing was logged in.",
                options.Serial ?? connectionInfo.VolumeId);
        }

        return Build(connectionInfo, chosen, options, found);
    }

    /// <summary>Describes the volume on a given path, without probing.</summary>
    /// <param name="connectionInfo">The volume's connection_info (for CHAP and the volume id).</param>
    /// <param name="path">The path to use, usually one of <see cref="ConnectionInfo.FailoverOrder"/>.</param>
    /// <param name="options">Target device, serial, secret reference…; the defaults when <see langword="null"/>.</param>
    /// <returns>The volume; <see cref="LibiscsiVolume.Portals"/> lists the path, not probed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connectionInfo"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the parameter name names it.</exception>
    /// <exception cref="LiveMigrationException">The connection_info needs mutual CHAP (<see cref="LiveMigrationFailure.UnsupportedConnectionInfo"/>).</exception>
    public static LibiscsiVolume Create(ConnectionInfo connectionInfo, IscsiPath path, LibiscsiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connectionInfo);
        ArgumentNullException.ThrowIfNull(path);
        options ??= new LibiscsiOptions();
        LibiscsiOptionsRules.Validate(connectionInfo, options);
        return Build(connectionInfo, path, options, [new PortalReachability(path, null)]);
    }

    /// <summary>The secret usage when the caller names none: per target and LUN; libvirt's schema forbids '/' in it.</summary>
    private static string DefaultUsage(IscsiPath path) => string.Create(CultureInfo.InvariantCulture, $"{path.Iqn}-lun-{path.Lun}");

    private static LibiscsiVolume Build(ConnectionInfo info, IscsiPath path, LibiscsiOptions options, IReadOnlyList<PortalReachability> found)
    {
        var user = info.Chap?.Username;
        var auth = user is null ? null : new IscsiSecretReference(user, options.SecretUuid is null ? options.SecretUsage ?? DefaultUsage(path) : null, options.SecretUuid);
        var source = new IscsiNetworkSource(path.Iqn, path.Lun, path.Portal, auth, options.InitiatorName);
        var serial = options.Serial ?? info.VolumeId;
        return new LibiscsiVolume(
            path,
            serial,
            source,
            LibiscsiDiskXml.Create(source, options.TargetDev, options.TargetBus, serial),
            QemuIscsiText.Url(path),
            QemuIscsiText.Drive(path, user, options.PasswordSecretId, options.InitiatorName),
            QemuIscsiText.Blockdev(path, user, options.PasswordSecretId, options.InitiatorName, options.NodeName),
            user is null ? null : options.PasswordSecretId,
            found);
    }
}
