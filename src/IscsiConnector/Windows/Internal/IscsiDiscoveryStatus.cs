using System.Globalization;

namespace IscsiConnector.Windows.Internal;

/// <summary>
/// The Microsoft initiator's status codes (<c>iscsierr.h</c>, listed at
/// https://learn.microsoft.com/en-us/windows-hardware/drivers/storage/iscsi-status-qualifiers): names for
/// messages, and what a code means for the flow. Codes, not message texts, decide: those are localized.
/// </summary>
internal static class IscsiDiscoveryStatus
{
    public const long LoginFailed = 0xEFFF0002;
    public const long ConnectionFailed = 0xEFFF0003;
    public const long TargetMovedTemporarily = 0xEFFF0006;
    public const long AuthenticationFailure = 0xEFFF0009;
    public const long AuthorizationFailure = 0xEFFF000A;
    public const long NotFound = 0xEFFF000B;
    public const long ServiceUnavailable = 0xEFFF0013;
    public const long OutOfResources = 0xEFFF0014;
    public const long SessionAlreadyExists = 0xEFFF0016;

    /// <summary>E_ACCESSDENIED: the cmdlets need an administrator.</summary>
    public const long AccessDenied = 0x80070005;

    private static readonly Dictionary<long, string> Names = new()
    {
        [0xEFFF0001] = "ISDSC_NON_SPECIFIC_ERROR",
        [LoginFailed] = "ISDSC_LOGIN_FAILED",
        [ConnectionFailed] = "ISDSC_CONNECTION_FAILED",
        [0xEFFF0004] = "ISDSC_INITIATOR_NODE_ALREADY_EXISTS",
        [0xEFFF0005] = "ISDSC_INITIATOR_NODE_NOT_FOUND",
        [TargetMovedTemporarily] = "ISDSC_TARGET_MOVED_TEMPORARILY",
        [0xEFFF0007] = "ISDSC_TARGET_MOVED_PERMANENTLY",
        [0xEFFF0008] = "ISDSC_INITIATOR_ERROR",
        [AuthenticationFailure] = "ISDSC_AUTHENTICATION_FAILURE",
        [AuthorizationFailure] = "ISDSC_AUTHORIZATION_FAILURE",
        [NotFound] = "ISDSC_NOT_FOUND",
        [0xEFFF000C] = "ISDSC_TARGET_REMOVED",
        [0xEFFF000D] = "ISDSC_UNSUPPORTED_VERSION",
        [0xEFFF000E] = "ISDSC_TOO_MANY_CONNECTIONS",
        [0xEFFF000F] = "ISDSC_MISSING_PARAMETER",
        [0xEFFF0012] = "ISDSC_TARGET_ERROR",
        [ServiceUnavailable] = "ISDSC_SERVICE_UNAVAILABLE",
        [OutOfResources] = "ISDSC_OUT_OF_RESOURCES",
        [0xEFFF0015] = "ISDSC_CONNECTION_ALREADY_EXISTS",
        [SessionAlreadyExists] = "ISDSC_SESSION_ALREADY_EXISTS",
    };

    /// <summary>Formats a code as <c>0xEFFF0009 (ISDSC_AUTHENTICATION_FAILURE)</c>, or just hex when unnamed.</summary>
    public static string Describe(long code)
    {
        var hex = "0x" + code.ToString("X8", CultureInfo.InvariantCulture);
        return Names.TryGetValue(code, out var name) ? $"{hex} ({name})" : hex;
    }

    /// <summary>The neutral kind of a failure: from the status code, or from the script's own reason when no cmdlet failed.</summary>
    public static IscsiErrorKind Kind(long? code, string? reason) => code switch
    {
        ConnectionFailed => IscsiErrorKind.Unreachable,
        AuthenticationFailure => IscsiErrorKind.AuthenticationFailed,
        AuthorizationFailure => IscsiErrorKind.LoginRejected,
        NotFound => IscsiErrorKind.NotFound,
        ServiceUnavailable => IscsiErrorKind.InitiatorUnavailable,
        OutOfResources or TargetMovedTemporarily => IscsiErrorKind.Temporary,
        SessionAlreadyExists or 0xEFFF0015 => IscsiErrorKind.AlreadyExists,
        AccessDenied => IscsiErrorKind.AccessDenied,
        null when reason is ScriptError.TargetNotOffered or ScriptError.NoDisk => IscsiErrorKind.NotFound,
        _ => IscsiErrorKind.Failed,
    };

    /// <summary>The code as the 32-bit exit code an <see cref="IscsiCommandException"/> carries (the same bits).</summary>
    public static int? AsExitCode(long? code) => code is { } value ? unchecked((int)(uint)value) : null;
}
