namespace IscsiConnector;

/// <summary>
/// An attached volume: the block device to use and how it was reached. The os-brick equivalent is the
/// <c>device_info</c> dictionary (<see cref="ToDictionary"/> produces it); <see cref="ToJson"/> and
/// <see cref="Parse(string)"/> persist it.
/// </summary>
public sealed partial record VolumeAttachment
{
    /// <summary>Gets the device type; always <c>block</c>.</summary>
    public string DeviceType { get; init; } = "block";

    /// <summary>Gets the device to use: <c>/dev/dm-N</c> for a multipath map, otherwise <c>/dev/sdX</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the stable <c>/dev/disk/by-path/ip-…-iscsi-…-lun-N</c> link when udev made one (single path only), otherwise <see langword="null"/>.</summary>
    public string? ByPath { get; init; }

    /// <summary>Gets the volume's WWN in udev form (<c>3600…</c>: sysfs <c>naa.600…</c> with the type as a digit), as os-brick's <c>scsi_wwn</c>; empty when sysfs reported no WWID.</summary>
    public required string ScsiWwn { get; init; }

    /// <summary>Gets the multipath id (the WWN, as os-brick's <c>multipath_id</c>) when <see cref="Path"/> is a multipath map, otherwise <see langword="null"/>.</summary>
    public string? MultipathId { get; init; }

    /// <summary>Gets the multipath map name (<c>mpatha</c> or the WWID, from <c>/sys/block/dm-N/dm/name</c>), or <see langword="null"/>.</summary>
    public string? MultipathName { get; init; }

    /// <summary>Gets the SCSI disks carrying the volume, one per working path.</summary>
    public required IReadOnlyList<AttachedDevice> Devices { get; init; }

    /// <summary>Gets what happened on every portal, in the order they were considered.</summary>
    public required IReadOnlyList<PortalOutcome> Portals { get; init; }

    /// <summary>Gets the wall-clock time the attach took (from the injected <see cref="TimeProvider"/>).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Path"/> is a multipath map.</summary>
    public bool IsMultipath => MultipathId is not null;

    /// <summary>Returns the os-brick <c>device_info</c> form: <c>type</c>, <c>path</c>, <c>scsi_wwn</c> and, for multipath, <c>multipath_id</c>.</summary>
    /// <returns>A new dictionary with os-brick's keys.</returns>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["type"] = DeviceType,
            ["path"] = Path,
            ["scsi_wwn"] = ScsiWwn,
        };
        if (MultipathId is not null)
        {
            result["multipath_id"] = MultipathId;
        }

        return result;
    }
}
