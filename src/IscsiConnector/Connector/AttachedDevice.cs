namespace IscsiConnector;

/// <summary>One SCSI disk (<c>/dev/sdX</c>, or <c>\\.\PhysicalDriveN</c> on Windows) that carries the volume over one path.</summary>
/// <param name="Name">The kernel name, e.g. <c>sda</c>; on Windows <c>PhysicalDrive3</c>.</param>
/// <param name="Path">The iSCSI path (portal, IQN, LUN) the device came through.</param>
/// <param name="Address">The device's H:C:T:L.</param>
/// <param name="SessionId">The iSCSI session number (<c>sessionN</c> in sysfs).</param>
public sealed record AttachedDevice(string Name, IscsiPath Path, ScsiAddress Address, int SessionId)
{
    /// <summary>Gets the device node, e.g. <c>/dev/sda</c>, or <c>\\.\PhysicalDrive3</c> for a Windows disk.</summary>
    public string DevicePath => Name.StartsWith(WindowsDiskPrefix, StringComparison.Ordinal) ? @"\\.\" + Name : "/dev/" + Name;

    // The Windows initiator names disks after their device path (docs/windows.md); no Linux kernel name starts so.
    private const string WindowsDiskPrefix = "PhysicalDrive";

    /// <summary>Gets the device's WWID in udev form (<c>3600…</c>), or <see langword="null"/> when sysfs had none.</summary>
    public string? Wwn { get; init; }
}
