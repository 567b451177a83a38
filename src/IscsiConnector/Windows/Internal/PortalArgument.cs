namespace IscsiConnector.Windows.Internal;

/// <summary>A target portal as the <c>disconnect</c> script takes it (parameter names of <c>Remove-IscsiTargetPortal</c>).</summary>
internal sealed record PortalArgument
{
    public required string TargetPortalAddress { get; init; }

    public required int TargetPortalPortNumber { get; init; }

    public string? InitiatorPortalAddress { get; init; }
}
