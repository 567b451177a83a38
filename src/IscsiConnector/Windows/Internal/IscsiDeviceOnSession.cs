namespace IscsiConnector.Windows.Internal;

/// <summary>
/// The properties of an <c>MSIscsiInitiator_DeviceOnSession</c> (the <c>Devices</c> of an
/// <c>MSIscsiInitiator_SessionClass</c> in <c>root\wmi</c>) the scripts select: the only place that ties a
/// session's LUN number to a disk number. See
/// https://learn.microsoft.com/en-us/previous-versions/windows/desktop/iscsidisc/msiscsiinitiator-deviceonsession.
/// </summary>
internal sealed record IscsiDeviceOnSession
{
    /// <summary>The <see cref="DeviceType"/> of a disk (<c>FILE_DEVICE_DISK</c>).</summary>
    public const uint DiskDeviceType = 7;

    public byte? ScsiPortNumber { get; init; }

    public byte? ScsiPathId { get; init; }

    public byte? ScsiTargetId { get; init; }

    public byte ScsiLun { get; init; }

    public uint DeviceNumber { get; init; }

    public uint DeviceType { get; init; }

    public string? LegacyName { get; init; }
}
