using IscsiConnector.Execution;

namespace IscsiConnector.IscsiAdm;

/// <summary>
/// What an <c>iscsiadm</c> exit code means and how to fix it, for the failure messages of commands this library runs.
/// The only place that decides whether a command is <c>iscsiadm</c>.
/// </summary>
internal static class IscsiAdmFailures
{
    /// <summary>Gets the explanation of <paramref name="command"/>'s exit codes, or <see langword="null"/> when it is not <c>iscsiadm</c>.</summary>
    public static Func<int, CommandFailureMeaning?>? ExplainerFor(CommandSpec command) =>
        IsIscsiAdm(command.FileName) ? Explain : null;

    /// <summary>Gets a value indicating whether <paramref name="program"/> (a name or a path) is <c>iscsiadm</c>.</summary>
    public static bool IsIscsiAdm(string program) => Path.GetFileName(program) == IscsiAdmCommands.Program;

    /// <summary>The meaning of one exit code: name, open-iscsi's description, neutral kind and a hint.</summary>
    public static CommandFailureMeaning Explain(int exitCode)
    {
        var code = IscsiAdmExitCodeExtensions.FromProcessExitCode(exitCode);
        return new CommandFailureMeaning(code.ToErrorKind(), $"{code}: {code.GetDescription()}", Hint(code));
    }

    /// <summary>
    /// The advice for an <c>iscsiadm</c> that could not start or did not finish (no exit code), or
    /// <see langword="null"/> for other programs and for failures with an exit code.
    /// </summary>
    public static string? HintWithoutExitCode(CommandSpec command, IscsiCommandException error) =>
        error.ExitCode is not null || !IsIscsiAdm(command.FileName) ? null
        : error.TimedOut ? "A hung iscsiadm usually means iscsid is stuck or a portal does not answer; check iscsid and the portal, or lower the login timeouts."
        : "Is open-iscsi installed? iscsiadm must be on PATH (it lives in /usr/sbin or /sbin, which is not on every user's PATH).";

    private static string? Hint(IscsiAdmExitCode code) => code switch
    {
        IscsiAdmExitCode.LoginAuthFailed => "Check the CHAP user name and secret (auth_username/auth_password) against the target's account.",
        // Mutual CHAP refused by this initiator ends here too, not in 24 (bed scenario 28: "received incorrect CHAP response from target").
        IscsiAdmExitCode.FatalLogin => "The login was refused for good: by the target (check the target name and that its ACL allows this initiator name), " +
            "or with mutual CHAP by this initiator, when the target's answer did not match (check auth_password_in or discovery_auth_password_in " +
            "against the target's own secret; iscsiadm then says \"incorrect CHAP response from target\").",
        IscsiAdmExitCode.TransportTimeout or IscsiAdmExitCode.Transport =>
            "The portal did not accept a connection: check its address and port and that the target is up (refused and dropped connections both end here).",
        IscsiAdmExitCode.PduTimeout => "The portal did not answer in time: check that the target is up and reachable.",
        IscsiAdmExitCode.TransportNotFound => "The iSCSI transport is not loaded: load its kernel module (modprobe iscsi_tcp) and make sure iscsid is running.",
        IscsiAdmExitCode.IscsidNotConnected or IscsiAdmExitCode.IscsidCommunication => "Start iscsid (systemctl start iscsid) and check its log.",
        IscsiAdmExitCode.Access => "iscsiadm needs root: run as root or configure a root helper such as [\"sudo\", \"-n\"].",
        IscsiAdmExitCode.NoObjectsFound => "No matching node record, session or target exists.",
        IscsiAdmExitCode.SessionExists => "A session to this target through this portal already exists.",
        _ => null,
    };
}
