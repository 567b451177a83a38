using System.Globalization;
using IscsiConnector.Initiator;

namespace IscsiConnector.Windows.Internal;

/// <summary>Disk names and identities on Windows: <c>PhysicalDrive</c><em>n</em> for the neutral flow's "kernel name", the NAA id as WWN.</summary>
internal static class WindowsDisks
{
    private const string Prefix = "PhysicalDrive";

    /// <summary>The neutral name of disk <paramref name="number"/>: <c>PhysicalDrive3</c>.</summary>
    public static string Name(uint number) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number}");

    /// <summary>The device path: <c>\\.\PhysicalDrive3</c>.</summary>
    public static string DevicePath(string name) => @"\\.\" + name;

    /// <summary>The disk number in a neutral name, or <see langword="null"/>.</summary>
    public static uint? Number(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) && uint.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number : null;

    /// <summary>
    /// The WWN in the form the Linux side uses (udev's <c>3</c> + NAA, lower case), from a disk whose unique id is an
    /// NAA identifier; otherwise the unique id as it is, or <see langword="null"/>.
    /// </summary>
    public static string? Wwn(MsftDisk disk) => disk.UniqueId is not { Length: > 0 } id
        ? null
        : disk.UniqueIdFormat == MsftDisk.NaaUniqueIdFormat ? "3" + id.ToLowerInvariant() : id;

    /// <summary>A session's disk as the neutral flow sees it.</summary>
    public static HostDisk ToHostDisk(IscsiDeviceOnSession device, MsftDisk disk) =>
        new(Name(disk.Number), new ScsiAddress(device.ScsiPortNumber ?? 0, device.ScsiPathId ?? 0, device.ScsiTargetId ?? 0, device.ScsiLun), Wwn(disk));
}
