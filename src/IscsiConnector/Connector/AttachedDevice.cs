namespace IscsiConnector;

/// <summary>One SCSI disk (<c>/dev/sdX</c>) that carries the volume over one path.</summary>
/// <param name="Name">The kernel name, e.g. <c>sda</c>.</param>
/// <param name="Path">The iSCSI path (portal, IQN, LUN) the device came through.</param>
/// <param name="Address">The device's H:C:T:L.</param>
/// <param name="SessionId">The iSCSI session number (<c>sessionN</c> in sysfs).</param>
public sealed record AttachedDevice(string Name, IscsiPath Path, ScsiAddress Address, int SessionId)
{
    /// <summary>Gets the device node, e.g. <c>/dev/sda</c>.</summary>
    public string DevicePath => "/dev/" + Name;

    /// <summary>Gets the device's WWID in udev form (<c>3600…</c>), or <see langword="null"/> when sysfs had none.</summary>
    public string? Wwn { get; init; }
}
