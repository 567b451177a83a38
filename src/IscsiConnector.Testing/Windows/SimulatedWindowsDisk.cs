using System.Globalization;

namespace IscsiConnector.Testing.Windows;

/// <summary>A disk on a <see cref="SimulatedWindowsInitiator"/>, as a test sees it.</summary>
/// <param name="Number">The disk number (<c>Get-Disk</c>); disk 0 is the system disk and never an iSCSI one.</param>
/// <param name="Iqn">The target of its LUN.</param>
/// <param name="Lun">The LUN.</param>
/// <param name="UniqueId">The NAA identifier as <c>MSFT_Disk.UniqueId</c> shows it (hex, upper case).</param>
/// <param name="Mpio">Whether MPIO owns it (one disk for all paths).</param>
/// <param name="PathCount">How many sessions lead to it.</param>
public sealed record SimulatedWindowsDisk(int Number, string Iqn, int Lun, string UniqueId, bool Mpio, int PathCount)
{
    /// <summary>Gets the device path, <c>\\.\PHYSICALDRIVE</c><em>n</em>.</summary>
    public string DevicePath => string.Create(CultureInfo.InvariantCulture, $@"\\.\PHYSICALDRIVE{Number}");
}
