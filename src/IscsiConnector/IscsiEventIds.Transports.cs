namespace IscsiConnector;

/// <content>Event ids of transports and ifaces (range 4000–4099).</content>
public static partial class IscsiEventIds
{
    /// <summary>Debug: an iface was read and its transport is supported.</summary>
    public const int IfaceValidated = 4000;

    /// <summary>Information: this library created an iface from a definition.</summary>
    public const int IfaceCreated = 4001;

    /// <summary>Debug: an existing iface matched the definition and is reused.</summary>
    public const int IfaceReused = 4002;

    /// <summary>Warning: an iface this library had just created was deleted again because filling it in failed.</summary>
    public const int IfaceRolledBack = 4003;

    /// <summary>Debug: the hardware check of an iface finished (usable or not).</summary>
    public const int HardwareChecked = 4004;

    /// <summary>Warning: the configured iface cannot be used; the attach uses the default TCP iface.</summary>
    public const int TransportFallingBack = 4005;

    /// <summary>Warning: a login (or discovery) through the configured iface failed; the portal is retried with the default TCP iface.</summary>
    public const int PortalTransportFallback = 4006;

    /// <summary>Error: the configured iface cannot be used and the fallback policy is Fail.</summary>
    public const int TransportFailed = 4007;

    /// <summary>Information: an iface was deleted on request (<see cref="Transports.IscsiIfaceManager.DeleteAsync"/>).</summary>
    public const int IfaceDeleted = 4008;
}
