namespace IscsiConnector.Windows.Internal;

/// <summary>
/// The properties of an <c>MSFT_InitiatorPort</c> (<c>Get-InitiatorPort</c>) the host script selects; for an
/// iSCSI port (<c>ConnectionType</c> 2) <c>NodeAddress</c> is the initiator's IQN. See
/// https://learn.microsoft.com/en-us/windows-hardware/drivers/storage/msft-initiatorport.
/// </summary>
internal sealed record MsftInitiatorPort
{
    /// <summary>The value of <see cref="ConnectionType"/> for an iSCSI port.</summary>
    public const ushort IscsiConnectionType = 2;

    public string? NodeAddress { get; init; }

    public string? InstanceName { get; init; }

    public string? PortAddress { get; init; }

    public ushort? ConnectionType { get; init; }
}
