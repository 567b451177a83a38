namespace IscsiConnector.Windows.Internal;

/// <summary>
/// An <c>MSFT_iSCSIConnection</c> (<c>Get-IscsiConnection</c>): all of its documented properties, see
/// https://learn.microsoft.com/en-us/previous-versions/windows/desktop/iscsidisc/msft-iscsiconnection.
/// </summary>
internal sealed record MsftIscsiConnection
{
    public string? ConnectionIdentifier { get; init; }

    public string? InitiatorAddress { get; init; }

    public uint? InitiatorPortNumber { get; init; }

    public string? TargetAddress { get; init; }

    public uint? TargetPortNumber { get; init; }
}
