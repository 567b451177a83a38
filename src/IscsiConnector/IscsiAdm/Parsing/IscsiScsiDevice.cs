namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>
/// A SCSI device attached to a session, from the "Attached SCSI devices" part of <c>iscsiadm -m session -P 3</c>
/// (<c>scsi0 Channel 00 Id 0 Lun: 1</c> and <c>Attached scsi disk sda State: running</c>).
/// </summary>
/// <param name="Host">The SCSI host number.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Id">The target id.</param>
/// <param name="Lun">The logical unit number.</param>
/// <param name="DiskName">The block device name (<c>sda</c>), or <see langword="null"/> for a LUN without a disk (LUN 0 of tgt is a controller).</param>
/// <param name="DiskState">The disk state (<c>running</c>), or <see langword="null"/>.</param>
internal sealed record IscsiScsiDevice(int Host, int Channel, int Id, int Lun, string? DiskName, string? DiskState);
