namespace IscsiConnector.Windows.Internal;

/// <summary>
/// The properties of an <c>MSFT_Disk</c> (<c>Get-Disk</c>) the scripts select, see
/// https://learn.microsoft.com/en-us/windows-hardware/drivers/storage/msft-disk.
/// </summary>
internal sealed record MsftDisk
{
    /// <summary>The <see cref="UniqueIdFormat"/> of a SCSI page 0x83 NAA identifier ("FCPH Name"), the id behind a Linux WWN.</summary>
    public const ushort NaaUniqueIdFormat = 3;

    public uint Number { get; init; }

    public string? Path { get; init; }

    public string? Location { get; init; }

    public string? SerialNumber { get; init; }

    public string? UniqueId { get; init; }

    public ushort? UniqueIdFormat { get; init; }

    public ulong? Size { get; init; }

    public bool IsOffline { get; init; }

    public ushort? BusType { get; init; }
}
