using IscsiConnector.Internal;

namespace IscsiConnector.Connector.Internal;

/// <summary>Single-path attach with ordered failover (specs 000/002), and the per-portal work shared with multipath.</summary>
internal sealed partial class VolumeConnector
{
    public async Task<VolumeAttachment> ConnectVolumeAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default)
    {
        ConnectionInfoGuard.Validate(connectionInfo);
        cancellationToken.ThrowIfCancellationRequested();
        var start = _time.GetTimestamp();
        if (_options.UseMultipath)
        {
            return await ConnectMultipathAsync(connectionInfo, start, cancellationToken).ConfigureAwait(false);
        }

        var transport = await _transports.SelectAsync(cancellationToken).ConfigureAwait(false);
        var order = await OrderForFailoverAsync(connectionInfo.FailoverOrder, cancellationToken).ConfigureAwait(false);
        Log.AttachStarting(_logger, VolumeName(connectionInfo), order.Count, false);
        var settings = SettingsFor(connectionInfo);
        var attempts = order.Select(p => NewAttempt(p, transport)).ToList();
        for (var i = 0; i < attempts.Count; i++)
        {
            await TryPathAsync(attempts[i], settings, existedBefore: null, cancellationToken).ConfigureAwait(false);
            if (attempts[i].Succeeded)
            {
                foreach (var skipped in attempts.Skip(i + 1))
                {
                    skipped.Message = $"Not tried: {attempts[i].Path.Portal.Address} succeeded first.";
                }

                var winner = attempts[i];
                var attachment = new VolumeAttachment
                {
                    Path = _initiator.DevicePath(winner.Disk!.Name),
                    ByPath = _initiator.FindStableLink(winner.Path),
                    ScsiWwn = winner.Disk.Wwn ?? string.Empty,
                    Devices = [winner.ToDevice()],
                    Portals = attempts.Select(a => a.ToOutcome()).ToList(),
                    Elapsed = _time.GetElapsedTime(start),
                };
                Log.AttachSucceeded(_logger, VolumeName(connectionInfo), attachment.Path, (long)attachment.Elapsed.TotalMilliseconds);
                return attachment;
            }

            if (i + 1 < attempts.Count)
            {
                Log.FailingOver(_logger, attempts[i].Path.Portal.Address, attempts[i + 1].Path.Portal.Address);
            }
        }

        throw AttachFailed(connectionInfo, attempts, "no portal produced the volume's device");
    }

    private VolumeAttachException AttachFailed(ConnectionInfo info, IReadOnlyList<PathAttempt> attempts, string what)
    {
        var outcomes = attempts.Select(a => a.ToOutcome()).ToList();
        var failed = outcomes.Where(o => o.Outcome == LoginOutcome.Failed).ToList();
        var auth = failed.Count > 0 && failed.TrueForAll(o => o.Failure == PortalFailureKind.AuthenticationFailed);
        var hint = auth
            ? " Every portal rejected the CHAP credentials (iscsiadm exit 24): check auth_username/auth_password against the target's account."
            : " Check that the portals are reachable from this host and that the target exports the LUN to this initiator.";
        var message = $"Attaching volume {VolumeName(info)} failed: {what}. {string.Join(" ", failed.Select(o => $"[{o.Path}: {o.Failure}{(o.ExitCode is { } c ? $" (iscsiadm exit {(int)c})" : string.Empty)}: {o.Message}]"))}{hint}";
        Log.AttachFailed(_logger, VolumeName(info), what);
        return new VolumeAttachException(message, outcomes);
    }

    private async Task<IReadOnlyList<IscsiPath>> OrderForFailoverAsync(IReadOnlyList<IscsiPath> order, CancellationToken cancellationToken)
    {
        if (!_options.ProbePortals || order.Count < 2)
        {
            return order;
        }

        // Probe all at once; reachable portals keep their relative order, unreachable ones move to the end.
        var probes = order.Select(p => _probe.IsReachableAsync(p.Portal, _options.ProbeTimeout, cancellationToken)).ToArray();
        var reachable = await Task.WhenAll(probes).ConfigureAwait(false);
        for (var i = 0; i < order.Count; i++)
        {
            Log.PortalProbe(_logger, order[i].Portal.Address, reachable[i]);
        }

        return order.Where((_, i) => reachable[i]).Concat(order.Where((_, i) => !reachable[i])).ToList();
    }
}
