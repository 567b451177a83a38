namespace IscsiConnector.Testing.Simulation;

/// <summary>A snapshot of one SCSI device of the simulated host.</summary>
/// <param name="Hctl">Host:channel:target:lun, e.g. <c>0:0:0:1</c>.</param>
/// <param name="DiskName">The block device name (<c>sda</c>), or <see langword="null"/> for a controller LUN.</param>
/// <param name="SessionId">The session the device belongs to.</param>
/// <param name="TargetIqn">The target name.</param>
/// <param name="Portal">The portal of the session.</param>
/// <param name="Lun">The LUN number.</param>
/// <param name="SizeBytes">The size the kernel knows (refreshed by a rescan, not by a target-side resize).</param>
/// <param name="Wwid">The WWID as sysfs shows it.</param>
/// <param name="State">The SCSI device state (<c>running</c>, <c>blocked</c>).</param>
public sealed record SimulatedDevice(string Hctl, string? DiskName, int SessionId, string TargetIqn, string Portal, int Lun, long SizeBytes, string Wwid, string State);
