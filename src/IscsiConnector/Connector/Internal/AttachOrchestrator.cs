using IscsiConnector.Readiness;
using IscsiConnector.Initiator;
using IscsiConnector.Internal;
using IscsiConnector.PortalAttempts;
using IscsiConnector.Telemetry;
using IscsiConnector.Transports.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// The platform-neutral attach: failover (one portal after another, the Cinder spec "Failover to alternative iSCSI portals on login failure") or multipath (every portal in
/// parallel, the Cinder spec "Enhance iSCSI multipath support"), and what counts as success. Each portal's work, undo included, is a <see cref="PortalAttempt"/>.
/// </summary>
internal sealed class AttachOrchestrator(
    PortalAttemptServices portals,
    ITransportSelector transports,
    PortalOrder order,
    MultipathPortals multipathPortals,
    AttachSettings settings,
    IscsiHostCheck? hostCheck)
{
    private readonly IIscsiInitiator _initiator = portals.Initiator;
    private readonly ILogger _logger = portals.Logger;
    private readonly PortalFailover _failover = new(portals);
    private readonly ParallelPortalAttempts _parallel = new(portals, order, settings.ProbePortals, settings.MaxParallelLogins);

    /// <summary>Gets a value indicating whether attaches log into every portal at once (the mode the attach metrics are tagged with).</summary>
    public bool UsesMultipath => settings.UseMultipath;

    public async Task<VolumeAttachment> ConnectAsync(ConnectionInfo info, CancellationToken cancellationToken)
    {
        var start = portals.Time.GetTimestamp();

        // A host without iscsid, iscsiadm or multipathd would fail every portal alike, slowly, and look like a dead
        // array: say what is missing before the first record or login instead.
        if (hostCheck is not null)
        {
            await hostCheck.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        }

        return settings.UseMultipath
            ? await ConnectMultipathAsync(info, start, cancellationToken).ConfigureAwait(false)
            : await ConnectFailoverAsync(info, start, cancellationToken).ConfigureAwait(false);
    }

    private async Task<VolumeAttachment> ConnectFailoverAsync(ConnectionInfo info, long start, CancellationToken cancellationToken)
    {
        var transport = await transports.SelectAsync(cancellationToken).ConfigureAwait(false);
        var probed = await order.ForFailoverAsync(info.FailoverOrder, cancellationToken).ConfigureAwait(false);
        var paths = probed.Paths;
        Log.AttachStarting(_logger, VolumeSessions.VolumeName(info), paths.Count, false);
        ConnectorActivities.AttachStarted(paths.Count, multipath: false);
        var attempts = NewAttempts(info, paths, transport, existedBefore: null);
        var winner = await _failover.FirstWorkingAsync(probed, attempts, cancellationToken).ConfigureAwait(false)
            ?? throw AttachFailure.Create(_logger, info, attempts, "no portal produced the volume's device");
        return Succeeded(info, start, new VolumeAttachment
        {
            Path = _initiator.DevicePath(winner.Disk!.Name),
            ByPath = await winner.FindStableLinkAsync(cancellationToken).ConfigureAwait(false),
            ScsiWwn = winner.Disk.Wwn ?? string.Empty,
            Devices = [winner.ToDevice()],
            Portals = attempts.Select(a => a.ToOutcome()).ToList(),
        });
    }

    private async Task<VolumeAttachment> ConnectMultipathAsync(ConnectionInfo info, long start, CancellationToken cancellationToken)
    {
        if (settings.EnforceMultipath && !await _initiator.IsMultipathRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new VolumeAttachException($"Attaching volume {VolumeSessions.VolumeName(info)} failed: multipath is enforced but multipathd is not running. Start multipathd or turn EnforceMultipath off.", []);
        }

        var transport = await transports.SelectAsync(cancellationToken).ConfigureAwait(false);
        var (paths, existedBefore) = await multipathPortals.ForAsync(info, transport, cancellationToken).ConfigureAwait(false);
        Log.AttachStarting(_logger, VolumeSessions.VolumeName(info), paths.Count, true);
        ConnectorActivities.AttachStarted(paths.Count, multipath: true);
        var attempts = NewAttempts(info, paths, transport, existedBefore);
        try
        {
            await _parallel.RunAllAsync(attempts, info.Primary.Iqn, cancellationToken).ConfigureAwait(false);
            return await FinishMultipathAsync(info, attempts, start, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Whatever the failure (not only the expected kinds): every attempt has settled, those cancelled midway undid
            // themselves; the ones that worked are undone here, so that a cancelled or broken multipath attach leaves nothing half-attached.
            foreach (var attempt in attempts.Where(a => a.Succeeded))
            {
                await attempt.UndoAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Success rules of a multipath attach: WWNs agree, every path works when required, then the map.</summary>
    private async Task<VolumeAttachment> FinishMultipathAsync(ConnectionInfo info, List<PortalAttempt> attempts, long start, CancellationToken cancellationToken)
    {
        // The reference WWN is the first working path's in the backend's order (the primary when it works).
        var wwn = attempts.FirstOrDefault(a => a.Succeeded && a.Disk?.Wwn is not null)?.Disk!.Wwn;
        foreach (var odd in attempts.Where(a => a.Succeeded && wwn is not null && a.Disk!.Wwn is not null && a.Disk.Wwn != wwn).ToList())
        {
            await odd.RejectAsync(PortalFailureKind.WwnMismatch, $"Device {odd.Disk!.Name} has WWID {odd.Disk.Wwn}, but the volume's is {wwn}: a different volume is behind this path; not used.").ConfigureAwait(false);
        }

        var working = attempts.Where(a => a.Succeeded).ToList();
        portals.Metrics.Attach.MultipathPaths(up: working.Count, down: attempts.Count - working.Count);
        if (working.Count == 0)
        {
            throw AttachFailure.Create(_logger, info, attempts, "no portal produced the volume's device");
        }

        if (settings.RequireAllPaths && working.Count < attempts.Count)
        {
            foreach (var attempt in working)
            {
                await attempt.WithdrawAsync("Logged in, then undone: RequireAllPaths is set and another path failed.").ConfigureAwait(false);
            }

            throw AttachFailure.Create(_logger, info, attempts, $"RequireAllPaths is set and only {working.Count} of {attempts.Count} paths worked");
        }

        var disks = working.Select(a => a.Disk!.Name).Distinct(StringComparer.Ordinal).ToList();
        var map = await MultipathMapWait.FindAsync(portals, disks, wwn, settings.MultipathWaitTimeout, cancellationToken).ConfigureAwait(false);
        return Succeeded(info, start, new VolumeAttachment
        {
            Path = _initiator.DevicePath(map?.Device ?? working[0].Disk!.Name),
            ByPath = map is null ? await working[0].FindStableLinkAsync(cancellationToken).ConfigureAwait(false) : null,
            ScsiWwn = wwn ?? map?.Wwid ?? string.Empty,
            MultipathId = map is null ? null : map.Wwid ?? wwn,
            MultipathName = map?.Name,
            Devices = working.Select(a => a.ToDevice()).ToList(),
            Portals = attempts.Select(a => a.ToOutcome()).ToList(),
        });
    }

    private List<PortalAttempt> NewAttempts(ConnectionInfo info, IEnumerable<IscsiPath> paths, TransportSelection transport, Func<IscsiPath, bool>? existedBefore)
    {
        var node = settings.Node with { Chap = info.Chap };
        return paths.Select(p => new PortalAttempt(portals, p, (transport.Iface, transport.Fallback), node, existedBefore)).ToList();
    }

    private VolumeAttachment Succeeded(ConnectionInfo info, long start, VolumeAttachment attachment)
    {
        attachment = attachment with { Elapsed = portals.Time.GetElapsedTime(start) };
        Log.AttachSucceeded(_logger, VolumeSessions.VolumeName(info), attachment.Path, (long)attachment.Elapsed.TotalMilliseconds);
        return attachment;
    }
}
