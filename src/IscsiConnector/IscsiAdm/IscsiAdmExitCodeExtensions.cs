namespace IscsiConnector.IscsiAdm;

/// <summary>Classifies <see cref="IscsiAdmExitCode"/> values for retry decisions.</summary>
public static class IscsiAdmExitCodeExtensions
{
    /// <summary>
    /// Gets a value indicating whether a retry of the same command may succeed. Login timeouts are
    /// deliberately <em>not</em> transient: a dead portal should cost one login timeout and then fail
    /// over, not be retried.
    /// </summary>
    /// <param name="code">The exit code.</param>
    /// <returns><see langword="true"/> for communication hiccups with iscsid, busy resources and "try again".</returns>
    public static bool IsTransient(this IscsiAdmExitCode code) => code switch
    {
        IscsiAdmExitCode.NoMemory => true,
        IscsiAdmExitCode.NodeDatabase => true,
        IscsiAdmExitCode.Internal => true,
        IscsiAdmExitCode.PduTimeout => true,
        IscsiAdmExitCode.IscsidCommunication => true,
        IscsiAdmExitCode.IscsidNotConnected => true,
        IscsiAdmExitCode.Busy => true,
        IscsiAdmExitCode.TryAgain => true,
        IscsiAdmExitCode.SessionNotConnected => true,
        _ => false,
    };

    /// <summary>Converts a raw process exit code to the enum; unknown codes map to <see cref="IscsiAdmExitCode.Generic"/>.</summary>
    /// <param name="exitCode">The raw exit code.</param>
    /// <returns>The typed code.</returns>
    public static IscsiAdmExitCode FromProcessExitCode(int exitCode) =>
        Enum.IsDefined(typeof(IscsiAdmExitCode), exitCode) ? (IscsiAdmExitCode)exitCode : IscsiAdmExitCode.Generic;
}
