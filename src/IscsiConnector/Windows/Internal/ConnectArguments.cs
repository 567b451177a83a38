namespace IscsiConnector.Windows.Internal;

/// <summary>
/// The data block of the <c>connect</c> script, named after the parameters of <c>New-IscsiTargetPortal</c> and
/// <c>Connect-IscsiTarget</c>. It travels in an environment variable as JSON and is read with
/// <c>ConvertFrom-Json</c>; the CHAP secrets are not in it (they travel in variables of their own).
/// </summary>
internal sealed record ConnectArguments
{
    public const string NoAuthentication = "NONE";
    public const string OneWayChap = "ONEWAYCHAP";
    public const string MutualChap = "MUTUALCHAP";

    public required string TargetPortalAddress { get; init; }

    public required int TargetPortalPortNumber { get; init; }

    public required string NodeAddress { get; init; }

    public required int Lun { get; init; }

    public string? InitiatorPortalAddress { get; init; }

    public string? InitiatorInstanceName { get; init; }

    public bool IsMultipathEnabled { get; init; }

    public bool IsPersistent { get; init; }

    public string AuthenticationType { get; init; } = NoAuthentication;

    public string? ChapUsername { get; init; }

    public double DiskTimeoutSeconds { get; init; }

    public int PollMilliseconds { get; init; }
}
