namespace IscsiConnector.Windows.Internal;

/// <summary>The answer of the <c>host</c> script: initiator ports, MPIO, target portals and sessions with their disks.</summary>
internal sealed record HostReply : ScriptReply
{
    public IReadOnlyList<MsftInitiatorPort> InitiatorPorts { get; init; } = [];

    public MpioState? Mpio { get; init; }

    public IReadOnlyList<MsftIscsiTargetPortal> TargetPortals { get; init; } = [];

    public IReadOnlyList<HostSession> Sessions { get; init; } = [];
}
