using System.Text;
using IscsiConnector.IscsiAdm;

namespace IscsiConnector.Execution;

/// <summary>Builds the sentence of a failed-command exception and strips secrets out of process output.</summary>
internal static class CommandFailureText
{
    private const int MaxQuotedErrorLength = 500;

    /// <summary>Replaces every secret argument value and secret standard input in <paramref name="text"/> by the mask.</summary>
    public static string Redact(string? text, CommandSpec command)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var secrets = command.Arguments.Concat(command.Environment.Values).Where(a => a.IsSecret).Select(a => a.Value);
        if (command.StandardInputIsSecret && command.StandardInput is { } input)
        {
            // A tool may echo one line of its input, so each line is masked as well as the whole.
            secrets = secrets.Append(input).Concat(input.Split('\n', StringSplitOptions.TrimEntries));
        }

        // Longest first, so that a secret containing another is masked whole.
        foreach (var secret in secrets.Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, CommandArgument.Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>What failed, the evidence (exit code, its meaning, standard error) and, where known, how to fix it.</summary>
    public static string Describe(CommandSpec command, int exitCode, string redactedStandardError)
    {
        var message = new StringBuilder();
        message.Append('\'').Append(command.ToDisplayString()).Append("' failed with exit code ").Append(exitCode);
        string? hint = null;
        if (Path.GetFileName(command.FileName) == "iscsiadm")
        {
            var code = IscsiAdmExitCodeExtensions.FromProcessExitCode(exitCode);
            message.Append(" (").Append(code).Append(": ").Append(code.GetDescription()).Append(')');
            hint = Hint(code);
        }

        var error = redactedStandardError.Trim();
        if (error.Length > 0)
        {
            var quoted = error.Length <= MaxQuotedErrorLength ? error : error[..MaxQuotedErrorLength] + "…";
            message.Append(". Standard error: ").Append(quoted.ReplaceLineEndings(" | "));
        }

        message.Append('.');
        if (hint is not null)
        {
            message.Append(' ').Append(hint);
        }

        return message.ToString();
    }

    private static string? Hint(IscsiAdmExitCode code) => code switch
    {
        IscsiAdmExitCode.LoginAuthFailed => "Check the CHAP user name and secret (auth_username/auth_password) against the target's account.",
        IscsiAdmExitCode.FatalLogin => "The target refused the login for good: check the target name and that the target's ACL allows this initiator name.",
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
