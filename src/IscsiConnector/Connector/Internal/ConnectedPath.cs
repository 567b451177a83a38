using IscsiConnector.Initiator;

namespace IscsiConnector.Connector.Internal;

/// <summary>A path of the volume with its session as the host has it now, and its disk when the LUN has one.</summary>
internal sealed record ConnectedPath(IscsiPath Path, InitiatorSession Session, HostDisk? Disk);
