namespace IscsiConnector.Testing.Simulation;

/// <summary>A snapshot of one iSCSI session of the simulated host.</summary>
/// <param name="Id">The session id (<c>sessionN</c>, <c>[N]</c> in <c>iscsiadm -m session</c>).</param>
/// <param name="TargetIqn">The target name.</param>
/// <param name="Portal">The portal, <c>127.0.0.1:3260</c> or <c>[::1]:3260</c>.</param>
/// <param name="Iface">The iSCSI interface the session uses (<c>default</c>, <c>iser</c>).</param>
/// <param name="HostNumber">The SCSI host number (one host per session, as iscsi_tcp does).</param>
/// <param name="State">The sysfs session state: <c>LOGGED_IN</c> or <c>FAILED</c>.</param>
/// <param name="Username">The CHAP user name used, or <see langword="null"/>.</param>
public sealed record SimulatedSession(int Id, string TargetIqn, string Portal, string Iface, int HostNumber, string State, string? Username);
