using System.Text.Json.Serialization;

namespace IscsiConnector.Windows.Internal;

/// <summary>
/// Whether the Multipath I/O feature can take iSCSI paths: its module answers
/// (<c>Get-MSDSMGlobalDefaultLoadBalancePolicy</c>) and the Microsoft DSM claims iSCSI disks
/// (<c>Get-MSDSMAutomaticClaimSettings</c>).
/// </summary>
internal sealed record MpioState
{
    public bool Installed { get; init; }

    public string? LoadBalancePolicy { get; init; }

    public bool IscsiClaimed { get; init; }

    [JsonIgnore]
    public bool Usable => Installed && IscsiClaimed;
}
