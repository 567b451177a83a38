using IscsiConnector.Initiator;

namespace IscsiConnector.PortalAttempts;

/// <summary>Finds the LUN's disk on a session: at once when it is there, else scan exactly the LUN and poll with backoff and rescans.</summary>
internal static class DiskWait
{
    /// <summary>The disk, whether it existed before, or why there is none.</summary>
    public static async Task<(HostDisk? Disk, bool Preexisted, PortalFailure? Failure)> FindAsync(
        PortalAttemptServices services, InitiatorSession session, int lun, CancellationToken cancellationToken)
    {
        var disk = services.Initiator.FindDisk(session, lun);
        if (disk is not null)
        {
            return (disk, true, null);
        }

        try
        {
            disk = await WaitAsync(services, session, lun, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, false, new PortalFailure(PortalFailureKind.DeviceNotFound, $"Scanning LUN {lun} failed: {e.Message}"));
        }

        return disk is null
            ? (null, false, new PortalFailure(PortalFailureKind.DeviceNotFound, $"LUN {lun} did not appear within {services.Settings.DeviceWaitTimeout.TotalSeconds:0.#} s after login (is it mapped to this initiator?)."))
            : (disk, false, null);
    }

    /// <summary>Scans exactly the LUN, then polls with backoff and rescans (1 s, 2 s, 4 s… after the first scan).</summary>
    private static Task<HostDisk?> WaitAsync(PortalAttemptServices services, InitiatorSession session, int lun, CancellationToken cancellationToken)
    {
        var initiator = services.Initiator;
        var rescans = 0;
        var nextRescan = TimeSpan.FromSeconds(1);
        return services.Pipelines.DevicePoll.UntilAsync<HostDisk>(
            async (attempt, elapsed, token) =>
            {
                if (attempt > 0)
                {
                    // Look before rescanning: when this poll wakes late (a busy host, or parallel work on one virtual
                    // clock) the rescan time may have passed although the disk is already there.
                    if (initiator.FindDisk(session, lun) is { } present)
                    {
                        return present;
                    }

                    if (rescans >= services.Settings.RescanAttempts || elapsed < nextRescan)
                    {
                        return null;
                    }

                    rescans++;
                    nextRescan += nextRescan;
                }

                await initiator.ScanLunAsync(session, lun, token).ConfigureAwait(false);
                return initiator.FindDisk(session, lun);
            },
            services.Settings.DeviceWaitTimeout,
            cancellationToken);
    }
}
