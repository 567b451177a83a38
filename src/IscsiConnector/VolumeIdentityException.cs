namespace IscsiConnector;

/// <summary>
/// The device found for a volume is not the volume the caller's attachment describes: its WWID differs from the
/// attachment's <c>scsi_wwn</c> or <c>multipath_id</c> (a stale attachment, or a LUN the backend has since given to
/// another volume). Nothing was flushed, removed or logged out. Pass <c>DisconnectOptions.Force</c> to remove the device
/// anyway once you have checked it is safe.
/// </summary>
public sealed class VolumeIdentityException : IscsiException
{
    /// <summary>Initializes a new instance of the <see cref="VolumeIdentityException"/> class.</summary>
    /// <param name="device">The device found (e.g. <c>/dev/sdb</c> or <c>/dev/dm-0</c>).</param>
    /// <param name="expectedWwid">The WWID the attachment names.</param>
    /// <param name="actualWwid">The WWID the device reports.</param>
    public VolumeIdentityException(string device, string expectedWwid, string actualWwid)
        : base($"Refusing to disconnect {device}: its WWID is {actualWwid}, but the attachment names {expectedWwid}, so it is another volume's disk (a stale attachment, or a LUN reassigned by the backend). Nothing was removed; check the attachment, or disconnect with Force to remove the device anyway.")
    {
        Device = device;
        ExpectedWwid = expectedWwid;
        ActualWwid = actualWwid;
    }

    /// <summary>Gets the device found for the volume.</summary>
    public string Device { get; }

    /// <summary>Gets the WWID the attachment names.</summary>
    public string ExpectedWwid { get; }

    /// <summary>Gets the WWID the device reports.</summary>
    public string ActualWwid { get; }
}
