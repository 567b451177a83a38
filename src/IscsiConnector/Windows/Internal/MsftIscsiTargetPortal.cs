namespace IscsiConnector.Windows.Internal;

/// <summary>
/// The properties of an <c>MSFT_iSCSITargetPortal</c> (<c>Get-IscsiTargetPortal</c>) the scripts select, see
/// https://learn.microsoft.com/en-us/previous-versions/windows/desktop/iscsidisc/msft-iscsitargetportal.
/// The initiator portal address is the Windows counterpart of an open-iscsi iface.
/// </summary>
internal sealed record MsftIscsiTargetPortal
{
    public string? TargetPortalAddress { get; init; }

    public ushort? TargetPortalPortNumber { get; init; }

    public string? InitiatorInstanceName { get; init; }

    public string? InitiatorPortalAddress { get; init; }
}
