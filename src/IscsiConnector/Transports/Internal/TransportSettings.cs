namespace IscsiConnector.Transports.Internal;

/// <summary>What <see cref="TransportSelector"/> needs from the connector's options (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP").</summary>
/// <param name="RequestedIface">The iface asked for: the definition's name when one is given, else the configured transport.</param>
/// <param name="Definition">An iface to create when missing, or <see langword="null"/> to only validate an existing one.</param>
/// <param name="VerifyHardware">Whether to check the iface's hardware in sysfs.</param>
/// <param name="Fallback">What to do when the iface cannot be used.</param>
internal sealed record TransportSettings(string RequestedIface, IscsiIfaceDefinition? Definition, bool VerifyHardware, TransportFallback Fallback)
{
    /// <summary>The iface the options ask for: the definition's name when one is given, else <see cref="IscsiConnectorOptions.Transport"/>.</summary>
    public static string RequestedIfaceOf(IscsiConnectorOptions options) => options.IfaceDefinition?.EffectiveName ?? options.Transport;
}
