using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IscsiConnector.Execution;

namespace IscsiConnector.Windows.Internal;

/// <summary>
/// Reads a script's JSON reply from standard output. The reply is the last line that starts with <c>{</c>:
/// Windows PowerShell writes warnings to standard output in the same process, so other lines may precede it.
/// </summary>
internal static class ScriptReplyReader
{
    public static TReply Read<TReply>(CommandResult result, CommandSpec command, WindowsScript script, JsonTypeInfo<TReply> replyType)
        where TReply : ScriptReply
    {
        if (!result.IsSuccess)
        {
            // PowerShell itself failed (not installed, blocked by policy, killed): the script never answered.
            throw result.ToException(command);
        }

        var line = result.StandardOutput
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .LastOrDefault(l => l.StartsWith('{'));
        TReply? reply = null;
        string? problem = null;
        if (line is null)
        {
            problem = "printed no JSON reply";
        }
        else
        {
            try
            {
                reply = JsonSerializer.Deserialize(line, replyType);
            }
            catch (JsonException ex)
            {
                problem = $"printed a reply that is not valid JSON ({ex.Message})";
            }
        }

        if (reply is not null && !string.Equals(reply.Script, script.Name, StringComparison.Ordinal))
        {
            problem = $"answered as script '{reply.Script}' instead of '{script.Name}'";
        }

        if (problem is null && reply is not null)
        {
            return reply;
        }

        var standardError = CommandFailureText.Redact(result.StandardError, command);
        throw new IscsiCommandException(
            command.FileName,
            $"{command.ToDisplayString()} < {script}",
            result.ExitCode,
            standardError,
            $"PowerShell ran {script} but it {problem ?? "printed an empty reply"}. Standard error: {(standardError.Length == 0 ? "(empty)" : standardError.Trim())}. Check that the iSCSI and Storage modules of Windows PowerShell are present (Get-Module -ListAvailable iSCSI, Storage).");
    }

    /// <summary>Throws when the script stopped before it finished; otherwise returns the reply.</summary>
    /// <exception cref="IscsiCommandException">The script failed: the neutral kind, the status code as exit code, a redacted sentence.</exception>
    public static TReply ThrowIfFailed<TReply>(TReply reply, CommandSpec command, WindowsScript script)
        where TReply : ScriptReply =>
        ToException(reply, command, script) is { } failure ? throw failure : reply;

    /// <summary>Describes a failed reply as an <see cref="IscsiCommandException"/>, or returns <see langword="null"/> when the script finished.</summary>
    public static IscsiCommandException? ToException(ScriptReply reply, CommandSpec command, WindowsScript script)
    {
        if (reply.Ok)
        {
            return null;
        }

        var error = reply.Error ?? new ScriptError { Reason = ScriptError.Failed, Message = "The script reported a failure without details." };
        return new IscsiCommandException(
            command.FileName,
            $"{command.ToDisplayString()} < {script}",
            IscsiDiscoveryStatus.AsExitCode(error.Code),
            standardError: null,
            Describe(script, reply.Step, error, command),
            kind: IscsiDiscoveryStatus.Kind(error.Code, error.Reason));
    }

    /// <summary>What failed, the evidence (code, error id, the redacted message) and how to fix it.</summary>
    public static string Describe(WindowsScript script, string? step, ScriptError error, CommandSpec command)
    {
        var code = error.Code is { } value ? $" with {IscsiDiscoveryStatus.Describe(value)}" : string.Empty;
        var message = CommandFailureText.Redact(error.Message, command).Trim();
        var hint = error.Reason switch
        {
            ScriptError.TargetNotOffered => "Check the target IQN and that the target's ACL lets this initiator see it through that portal.",
            ScriptError.NoDisk => "Check that the LUN exists and is mapped to this initiator, or raise the device wait timeout.",
            _ when error.Code == IscsiDiscoveryStatus.AuthenticationFailure => "Check the CHAP user name and secret (auth_username/auth_password) against the target's account.",
            _ when error.Code == IscsiDiscoveryStatus.ConnectionFailed => "The portal did not accept a connection: check its address and port and that the target is up.",
            _ when error.Code == IscsiDiscoveryStatus.ServiceUnavailable => "Start the Microsoft iSCSI Initiator service (Start-Service MSiSCSI).",
            _ when error.Code == IscsiDiscoveryStatus.AccessDenied => "The iSCSI cmdlets need an administrator: run elevated.",
            _ => null,
        };
        var text = $"{script} stopped at step '{step}' ({error.Reason}){code}, {error.ErrorId ?? "no error id"}: {message}";
        return hint is null ? text : $"{text} {hint}";
    }
}
