namespace IscsiConnector.Windows.Internal;

/// <summary>The answer of the <c>disconnect</c> script: sessions ended or already gone, portals removed or kept because something still uses them.</summary>
internal sealed record DisconnectReply : ScriptReply
{
    public IReadOnlyList<string> Disconnected { get; init; } = [];

    public IReadOnlyList<string> Missing { get; init; } = [];

    public IReadOnlyList<PortalArgument> PortalsRemoved { get; init; } = [];

    public IReadOnlyList<PortalArgument> PortalsKept { get; init; } = [];
}
