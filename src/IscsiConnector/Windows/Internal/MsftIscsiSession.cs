namespace IscsiConnector.Windows.Internal;

/// <summary>
/// The properties of an <c>MSFT_iSCSISession</c> (<c>Get-IscsiSession</c>, <c>Connect-IscsiTarget</c>) that the
/// scripts select; names and types as documented at
/// https://learn.microsoft.com/en-us/previous-versions/windows/desktop/iscsidisc/msft-iscsisession.
/// </summary>
internal sealed record MsftIscsiSession
{
    public string? SessionIdentifier { get; init; }

    public string? TargetNodeAddress { get; init; }

    public string? InitiatorNodeAddress { get; init; }

    public string? InitiatorPortalAddress { get; init; }

    public string? InitiatorInstanceName { get; init; }

    public string? AuthenticationType { get; init; }

    public bool IsConnected { get; init; }

    public bool IsPersistent { get; init; }

    public uint? NumberOfConnections { get; init; }
}
