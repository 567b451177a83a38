namespace IscsiConnector.Initiator;

/// <summary>A multipath map: kernel name (<c>dm-0</c>), map name, WWID (from the uuid) and its path disks.</summary>
internal sealed record MultipathMap(string Device, string Name, string? Wwid, IReadOnlyList<string> Paths);
