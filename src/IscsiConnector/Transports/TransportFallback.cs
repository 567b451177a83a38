namespace IscsiConnector.Transports;

/// <summary>What an attach does when the configured iface cannot be used (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP": "falling back to TCP if operation does not succeed").</summary>
public enum TransportFallback
{
    /// <summary>
    /// Use the built-in <c>default</c> (software TCP) iface instead, and say why in
    /// <see cref="PortalOutcome.TransportFallback"/>: for every portal when the iface is missing or fails
    /// validation or the hardware check, for one portal when its login through the iface fails.
    /// </summary>
    FallBackToTcp,

    /// <summary>Fail: an <see cref="IscsiTransportException"/> before any login, or a failed portal when a login through the iface fails.</summary>
    Fail,
}
