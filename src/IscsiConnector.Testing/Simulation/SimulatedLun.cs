namespace IscsiConnector.Testing.Simulation;

/// <summary>A logical unit exported by a simulated target.</summary>
/// <param name="Lun">The LUN number (1 or more; tgtd-style targets also show LUN 0 as a controller unless LUN 0 is given here).</param>
/// <param name="SizeBytes">The size in bytes (a multiple of 512).</param>
/// <param name="Wwid">The WWID as <c>/sys/block/sdX/device/wwid</c> shows it, or <see langword="null"/> for a tgtd-style default (<c>naa.60000000000000000e000000TTTTLLLL</c>).</param>
/// <param name="Vendor">The SCSI vendor (8 characters at most). The default value is tgtd's <c>IET</c>.</param>
/// <param name="Model">The SCSI model (16 characters at most). The default value is tgtd's <c>VIRTUAL-DISK</c>.</param>
public sealed record SimulatedLun(int Lun, long SizeBytes, string? Wwid = null, string Vendor = "IET", string Model = "VIRTUAL-DISK");
