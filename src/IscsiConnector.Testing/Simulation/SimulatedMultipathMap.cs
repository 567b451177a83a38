namespace IscsiConnector.Testing.Simulation;

/// <summary>A snapshot of one dm-multipath map of the simulated host.</summary>
/// <param name="Name">The map name (<c>mpatha</c> with user_friendly_names, otherwise the SCSI id <c>3600…</c>).</param>
/// <param name="DmName">The device-mapper node, <c>dm-0</c>.</param>
/// <param name="Wwid">The WWID of its paths, as sysfs shows it.</param>
/// <param name="Uuid">The dm uuid, <c>mpath-3600…</c>.</param>
/// <param name="SizeBytes">The map size in bytes.</param>
/// <param name="Paths">The disk names of its paths, e.g. <c>sda</c>, <c>sdb</c>.</param>
public sealed record SimulatedMultipathMap(string Name, string DmName, string Wwid, string Uuid, long SizeBytes, IReadOnlyList<string> Paths);
