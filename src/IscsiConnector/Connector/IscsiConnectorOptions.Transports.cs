using System.ComponentModel.DataAnnotations;
using IscsiConnector.Transports;

namespace IscsiConnector;

/// <summary>Settings of the iface (transport) attaches go through (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP").</summary>
public sealed partial class IscsiConnectorOptions
{
    /// <summary>Gets or sets the open-iscsi interface (<c>-I</c>) used for discovery and login, e.g. <c>default</c> or <c>iser</c> (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP").</summary>
    /// <value>The default value is <c>default</c> (software TCP).</value>
    [Required]
    public string Transport { get; set; } = "default";

    /// <summary>Gets or sets what an attach does when the <see cref="Transport"/> iface is missing, fails validation or the hardware check, or a login through it fails (see docs/transports.md).</summary>
    /// <value>The default value is <see cref="TransportFallback.FallBackToTcp"/>, as the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP" asks; the reason is kept in <see cref="PortalOutcome.TransportFallback"/>.</value>
    public TransportFallback TransportFallback { get; set; } = TransportFallback.FallBackToTcp;

    /// <summary>Gets or sets a value indicating whether a non-default iface's hardware is checked in sysfs before use (its MAC exists, on hardware whose driver carries the transport).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool VerifyTransportHardware { get; set; } = true;

    /// <summary>Gets or sets an iface to create when missing (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP"'s transport, hardware address, IP address) and use instead of <see cref="Transport"/>, or <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>: the <see cref="Transport"/> iface must exist.</value>
    public IscsiIfaceDefinition? IfaceDefinition { get; set; }
}
