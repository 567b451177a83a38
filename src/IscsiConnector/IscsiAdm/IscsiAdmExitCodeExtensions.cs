using IscsiConnector.Internal;

namespace IscsiConnector.IscsiAdm;

/// <summary>Classifies and describes <see cref="IscsiAdmExitCode"/> values.</summary>
public static class IscsiAdmExitCodeExtensions
{
    /// <summary>Gets a value indicating whether a retry of the same command, against the same portal, may succeed.</summary>
    /// <param name="code">The exit code.</param>
    /// <returns><see langword="true"/> for hiccups of iscsid, its database or the kernel, busy resources and "try again".</returns>
    /// <remarks>
    /// <para>Transient: <see cref="IscsiAdmExitCode.NoMemory"/>, <see cref="IscsiAdmExitCode.NodeDatabase"/>
    /// (the node database is locked by a concurrent iscsiadm; os-brick retries exactly this code when
    /// creating node records), <see cref="IscsiAdmExitCode.Internal"/>,
    /// <see cref="IscsiAdmExitCode.IscsidCommunication"/> and <see cref="IscsiAdmExitCode.IscsidNotConnected"/>
    /// (iscsid restarting or socket-activated), <see cref="IscsiAdmExitCode.Busy"/>,
    /// <see cref="IscsiAdmExitCode.TryAgain"/> (documented as "retrying may succeed") and
    /// <see cref="IscsiAdmExitCode.SessionNotConnected"/> (a session in recovery that reconnects).</para>
    /// <para>Permanent for this portal: the timeouts <see cref="IscsiAdmExitCode.TransportTimeout"/> (8) and
    /// <see cref="IscsiAdmExitCode.PduTimeout"/> (11) and <see cref="IscsiAdmExitCode.Transport"/> (4). On the
    /// test bed a dead portal gave 8 for logins (123 s with iscsid defaults) and 11 for discovery
    /// (5.5 s refused, 95.6 s blackholed): retrying repeats that cost, so the caller fails over to the
    /// next portal instead. Authentication (24), fatal login (19), permissions (13), a missing transport
    /// module (12), invalid arguments (7) and "not found"/"already exists" (21, 15) cannot change by
    /// retrying; 21 and 15 are usually outcomes the caller accepts rather than errors.</para>
    /// </remarks>
    public static bool IsTransient(this IscsiAdmExitCode code) => code.ToErrorKind().IsTransient();

    /// <summary>Gets the platform-neutral kind of failure a code stands for.</summary>
    /// <param name="code">The exit code.</param>
    /// <returns>The kind; transient codes (see <see cref="IsTransient"/>) map to <see cref="IscsiErrorKind.InitiatorUnavailable"/> or <see cref="IscsiErrorKind.Temporary"/>.</returns>
    public static IscsiErrorKind ToErrorKind(this IscsiAdmExitCode code) => code switch
    {
        IscsiAdmExitCode.Transport or IscsiAdmExitCode.TransportTimeout or IscsiAdmExitCode.PduTimeout => IscsiErrorKind.Unreachable,
        IscsiAdmExitCode.LoginAuthFailed => IscsiErrorKind.AuthenticationFailed,
        IscsiAdmExitCode.FatalLogin => IscsiErrorKind.LoginRejected,
        IscsiAdmExitCode.SessionNotFound or IscsiAdmExitCode.NoObjectsFound or IscsiAdmExitCode.SysfsLookup or IscsiAdmExitCode.HostNotFound => IscsiErrorKind.NotFound,
        IscsiAdmExitCode.SessionExists => IscsiErrorKind.AlreadyExists,
        IscsiAdmExitCode.IscsidCommunication or IscsiAdmExitCode.IscsidNotConnected => IscsiErrorKind.InitiatorUnavailable,
        IscsiAdmExitCode.NoMemory or IscsiAdmExitCode.NodeDatabase or IscsiAdmExitCode.Internal or IscsiAdmExitCode.Busy
            or IscsiAdmExitCode.TryAgain or IscsiAdmExitCode.SessionNotConnected => IscsiErrorKind.Temporary,
        IscsiAdmExitCode.Access => IscsiErrorKind.AccessDenied,
        IscsiAdmExitCode.TransportNotFound or IscsiAdmExitCode.TransportCapabilities or IscsiAdmExitCode.IsnsUnavailable
            or IscsiAdmExitCode.OperationNotSupported or IscsiAdmExitCode.UnknownDiscoveryType => IscsiErrorKind.NotSupported,
        IscsiAdmExitCode.InvalidArgument or IscsiAdmExitCode.InvalidManagementRequest => IscsiErrorKind.InvalidArgument,
        IscsiAdmExitCode.Success => IscsiErrorKind.Unknown,
        _ => IscsiErrorKind.Failed,
    };

    /// <summary>Converts a raw process exit code to the enum; unknown codes map to <see cref="IscsiAdmExitCode.Generic"/>.</summary>
    /// <param name="exitCode">The raw exit code.</param>
    /// <returns>The typed code.</returns>
    public static IscsiAdmExitCode FromProcessExitCode(int exitCode) =>
        Enum.IsDefined(typeof(IscsiAdmExitCode), exitCode) ? (IscsiAdmExitCode)exitCode : IscsiAdmExitCode.Generic;

    /// <summary>Gets open-iscsi's one-line description of the code (as iscsiadm(8) words it).</summary>
    /// <param name="code">The exit code.</param>
    /// <returns>A short lower-case phrase, e.g. "iSCSI login failed due to authorization failure".</returns>
    public static string GetDescription(this IscsiAdmExitCode code) => code switch
    {
        IscsiAdmExitCode.Success => "success",
        IscsiAdmExitCode.Generic => "generic error",
        IscsiAdmExitCode.SessionNotFound => "session not found",
        IscsiAdmExitCode.NoMemory => "could not allocate resource for operation",
        IscsiAdmExitCode.Transport => "connect problem caused operation to fail",
        IscsiAdmExitCode.Login => "generic iSCSI login failure",
        IscsiAdmExitCode.NodeDatabase => "error accessing or managing the iSCSI database",
        IscsiAdmExitCode.InvalidArgument => "invalid argument",
        IscsiAdmExitCode.TransportTimeout => "connection timer expired while trying to connect",
        IscsiAdmExitCode.Internal => "generic internal iscsid or kernel failure",
        IscsiAdmExitCode.Logout => "iSCSI logout failed",
        IscsiAdmExitCode.PduTimeout => "iSCSI PDU timed out",
        IscsiAdmExitCode.TransportNotFound => "iSCSI transport module not loaded in kernel or iscsid",
        IscsiAdmExitCode.Access => "did not have proper OS permissions to access iscsid or execute the command",
        IscsiAdmExitCode.TransportCapabilities => "transport module did not support operation",
        IscsiAdmExitCode.SessionExists => "session is logged in",
        IscsiAdmExitCode.InvalidManagementRequest => "invalid IPC MGMT request",
        IscsiAdmExitCode.IsnsUnavailable => "iSNS service is not supported",
        IscsiAdmExitCode.IscsidCommunication => "a read or write to iscsid failed",
        IscsiAdmExitCode.FatalLogin => "fatal iSCSI login error",
        IscsiAdmExitCode.IscsidNotConnected => "could not connect to iscsid",
        IscsiAdmExitCode.NoObjectsFound => "no records, targets, sessions or portals found",
        IscsiAdmExitCode.SysfsLookup => "could not look up object in sysfs",
        IscsiAdmExitCode.HostNotFound => "could not look up host",
        IscsiAdmExitCode.LoginAuthFailed => "iSCSI login failed due to authorization failure",
        IscsiAdmExitCode.IsnsQuery => "iSNS query failure",
        IscsiAdmExitCode.IsnsRegistration => "iSNS registration or deregistration failed",
        IscsiAdmExitCode.OperationNotSupported => "operation not supported",
        IscsiAdmExitCode.Busy => "device or resource in use",
        IscsiAdmExitCode.TryAgain => "operation failed, but retrying may succeed",
        IscsiAdmExitCode.UnknownDiscoveryType => "unknown discovery type",
        IscsiAdmExitCode.ChildTerminated => "child process terminated",
        IscsiAdmExitCode.SessionNotConnected => "session likely not connected",
        _ => "unknown error",
    };
}
