namespace IscsiConnector;

/// <summary>
/// What kind of failure an initiator command reported, in the same words on every platform. The platform's own
/// code (an <c>iscsiadm</c> exit code on Linux) travels beside it as plain data
/// (<see cref="IscsiCommandException.ExitCode"/>, <see cref="PortalOutcome.NativeCode"/>).
/// </summary>
public enum IscsiErrorKind
{
    /// <summary>Not classified: a program this library does not interpret (e.g. <c>multipath</c>), or no code at all (a timeout).</summary>
    Unknown,

    /// <summary>The portal did not accept a connection or did not answer in time (<c>iscsiadm</c> 4, 8, 11). Not transient: the next portal is tried instead.</summary>
    Unreachable,

    /// <summary>The target rejected the CHAP credentials (<c>iscsiadm</c> 24).</summary>
    AuthenticationFailed,

    /// <summary>The login was refused for good: by the target, e.g. its ACL does not allow this initiator, or by this initiator when the target failed mutual CHAP (<c>iscsiadm</c> 19).</summary>
    LoginRejected,

    /// <summary>No matching record, session, target or host (<c>iscsiadm</c> 2, 21, 22, 23).</summary>
    NotFound,

    /// <summary>The session or record exists already (<c>iscsiadm</c> 15).</summary>
    AlreadyExists,

    /// <summary>The initiator service is not running or not answering (<c>iscsiadm</c> 18, 20). Transient.</summary>
    InitiatorUnavailable,

    /// <summary>A temporary condition: resources busy, the record database changed underneath, "try again" (<c>iscsiadm</c> 3, 6, 9, 28, 29, 32). Transient.</summary>
    Temporary,

    /// <summary>The caller lacks the permissions (<c>iscsiadm</c> 13).</summary>
    AccessDenied,

    /// <summary>The operation or transport is not supported or not loaded (<c>iscsiadm</c> 12, 14, 17, 27, 30).</summary>
    NotSupported,

    /// <summary>The command was given an invalid argument (<c>iscsiadm</c> 7, 16).</summary>
    InvalidArgument,

    /// <summary>Any other failure the platform reported (<c>iscsiadm</c> 1, 5, 10, 25, 26, 31 and unknown codes).</summary>
    Failed,
}
