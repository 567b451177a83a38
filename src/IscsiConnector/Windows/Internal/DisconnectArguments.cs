namespace IscsiConnector.Windows.Internal;

/// <summary>The data block of the <c>disconnect</c> script: the sessions verified as the volume's, and the portals to remove once unused.</summary>
internal sealed record DisconnectArguments
{
    public IReadOnlyList<string> SessionIdentifiers { get; init; } = [];

    public IReadOnlyList<PortalArgument> Portals { get; init; } = [];
}
