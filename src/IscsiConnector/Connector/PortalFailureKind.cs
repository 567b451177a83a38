namespace IscsiConnector;

/// <summary>Why a portal did not contribute a device to an attach.</summary>
public enum PortalFailureKind
{
    /// <summary>The login failed for a reason other than authentication; see <see cref="PortalOutcome.ErrorKind"/> and <see cref="PortalOutcome.NativeCode"/>.</summary>
    LoginFailed,

    /// <summary>The target rejected the CHAP credentials (<c>iscsiadm</c> exit code 24).</summary>
    AuthenticationFailed,

    /// <summary>Creating or updating the node record failed.</summary>
    NodeSetupFailed,

    /// <summary>Logged in, but the LUN did not appear within the device wait timeout.</summary>
    DeviceNotFound,

    /// <summary>The device's WWID differs from the other paths' (a different volume behind this path); it was not used.</summary>
    WwnMismatch,

    /// <summary>Another operation (possibly another process) held the (portal, target) lock longer than <see cref="IscsiConnectorOptions.LockTimeout"/>.</summary>
    LockTimeout,

    /// <summary>The attach was cancelled while this portal was being tried.</summary>
    Cancelled,
}
