using IscsiConnector.Initiator;

namespace IscsiConnector.PortalAttempts;

/// <summary>
/// Waits (bounded) for udev's stable link of a found disk. The kernel's disk appears before udev has made its
/// <c>/dev/disk/by-path</c> link, so looking once right after the disk is found usually misses it; a live
/// migration map or a libvirt domain wants the stable name, and os-brick hands out only that link, waiting for
/// it. Where no udev runs, the link never comes: no wait then.
/// </summary>
internal static class StableLinkWait
{
    /// <summary>udev makes the link within milliseconds on an idle host; this bounds a busy one. Past it the attach still succeeds, without the link.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<string?> FindAsync(PortalAttemptServices services, IscsiPath path, CancellationToken cancellationToken)
    {
        var initiator = services.Initiator;
        if (!initiator.MakesStableLinks)
        {
            return initiator.FindStableLink(path);
        }

        // The poll's first look is immediate, so a link udev has already made is found without a wait (and looked up once).
        return await services.Pipelines.SettlePoll.UntilAsync<string>(
            (_, _, _) => ValueTask.FromResult(initiator.FindStableLink(path)),
            Timeout,
            cancellationToken).ConfigureAwait(false);
    }
}
