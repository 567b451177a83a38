namespace IscsiConnector.Testing.Scenarios;

/// <summary>A LUN in a <see cref="ScenarioTarget"/>.</summary>
public sealed record ScenarioLun
{
    /// <summary>Gets the LUN number.</summary>
    public required int Lun { get; init; }

    /// <summary>Gets the size in bytes (a multiple of 512).</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Gets the WWID (<c>naa.…</c>), or <see langword="null"/> for a tgtd-style default.</summary>
    public string? Wwid { get; init; }

    /// <summary>Gets the SCSI vendor, or <see langword="null"/> for <c>IET</c>.</summary>
    public string? Vendor { get; init; }

    /// <summary>Gets the SCSI model, or <see langword="null"/> for <c>VIRTUAL-DISK</c>.</summary>
    public string? Model { get; init; }
}
