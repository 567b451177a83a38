namespace IscsiConnector.Initiator;

/// <summary>A disk of a session: kernel name, SCSI address and WWN (udev form).</summary>
internal sealed record HostDisk(string Name, ScsiAddress Address, string? Wwn);
