namespace IscsiConnector.Connector.Internal;

/// <summary>What <see cref="VolumeSessions"/> needs to tell the volume's sessions from anyone else's.</summary>
/// <param name="UseMultipath">Multipath attaches may have discovered portals the connection info does not name.</param>
/// <param name="DiscoverWhenSinglePortal">Whether they did so when given a single portal.</param>
/// <param name="RequestedIface">The iface attaches go through.</param>
/// <param name="FallBackToTcp">Whether attaches may have fallen back to the default TCP iface.</param>
internal sealed record VolumeSessionSettings(bool UseMultipath, bool DiscoverWhenSinglePortal, string RequestedIface, bool FallBackToTcp);
