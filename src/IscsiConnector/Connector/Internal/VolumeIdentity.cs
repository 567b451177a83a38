using IscsiConnector.Initiator;
using IscsiConnector.Internal;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// Before a disconnect flushes or deletes anything: the disks and map found for the volume must carry the WWID its
/// attachment names (<c>scsi_wwn</c>, <c>multipath_id</c>). A stale attachment, or a LUN the backend has since given
/// to another volume, would otherwise remove someone else's disk.
/// </summary>
internal static class VolumeIdentity
{
    /// <summary>Throws on a mismatch, or with <see cref="DisconnectOptions.Force"/> records a warning and lets the disconnect go on.</summary>
    /// <exception cref="VolumeIdentityException">A disk or the map has another WWID and force is not set.</exception>
    public static void Verify(VolumeAttachment? attachment, IReadOnlyList<ConnectedPath> found, MultipathMap? map, Func<string, string> devicePath, DisconnectState state, ILogger logger)
    {
        if (attachment is null || Mismatch(attachment, found, map, devicePath) is not { } mismatch)
        {
            return;
        }

        if (!state.Options.Force)
        {
            throw new VolumeIdentityException(mismatch.Device, mismatch.Expected, mismatch.Actual);
        }

        var warning = $"{mismatch.Device} has WWID {mismatch.Actual} but the attachment names {mismatch.Expected}; removed anyway because Force is set.";
        state.Warnings.Add(warning);
        Log.DisconnectProblem(logger, warning);
    }

    private static (string Device, string Expected, string Actual)? Mismatch(VolumeAttachment attachment, IReadOnlyList<ConnectedPath> found, MultipathMap? map, Func<string, string> devicePath)
    {
        if (!string.IsNullOrEmpty(attachment.ScsiWwn))
        {
            foreach (var disk in found.Select(f => f.Disk))
            {
                if (disk?.Wwn is { } wwn && !Same(wwn, attachment.ScsiWwn))
                {
                    return (devicePath(disk.Name), attachment.ScsiWwn, wwn);
                }
            }
        }

        return attachment.MultipathId is { } id && map?.Wwid is { } mapWwid && !Same(id, mapWwid)
            ? (devicePath(map.Device), id, mapWwid)
            : null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
