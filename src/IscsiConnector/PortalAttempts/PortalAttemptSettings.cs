namespace IscsiConnector.PortalAttempts;

/// <summary>What a <see cref="PortalAttempt"/> needs from the connector's options.</summary>
/// <param name="DeviceWaitTimeout">How long to wait for the LUN's disk after login.</param>
/// <param name="RescanAttempts">How many extra LUN scans while waiting (after 1 s, 2 s, 4 s…).</param>
/// <param name="FallBackToTcp">Whether a failed login through a configured iface is tried once more through the default TCP iface (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP").</param>
internal sealed record PortalAttemptSettings(TimeSpan DeviceWaitTimeout, int RescanAttempts, bool FallBackToTcp);
