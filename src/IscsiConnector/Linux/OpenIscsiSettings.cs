namespace IscsiConnector.Linux;

/// <summary>What <see cref="OpenIscsiInitiator"/> needs from the connector's options.</summary>
/// <param name="Iface">The open-iscsi iface (<c>-I</c>) commands go through unless <see cref="OpenIscsiInitiator.WithIface"/> says otherwise.</param>
/// <param name="DiscoveryLoginTimeout">The login timeout written into SendTargets discovery records.</param>
/// <param name="Time">The clock of retries (<c>multipathd resize</c>); the system clock when not given.</param>
internal sealed record OpenIscsiSettings(string Iface, TimeSpan DiscoveryLoginTimeout, TimeProvider? Time = null);
