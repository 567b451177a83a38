using System.Text;
using IscsiConnector.Internal;

namespace IscsiConnector.Execution;

/// <summary>Builds the sentence of a failed-command exception and strips secrets out of process output.</summary>
internal static class CommandFailureText
{
    private const int MaxQuotedErrorLength = 500;

    /// <summary>
    /// Replaces by the mask every secret argument value and secret standard input of <paramref name="command"/>, and
    /// every secret of the operation in progress (<see cref="SecretScope"/>), in <paramref name="text"/>.
    /// </summary>
    public static string Redact(string? text, CommandSpec command)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var secrets = command.Arguments.Concat(command.Environment.Values).Where(a => a.IsSecret).Select(a => a.Value).Concat(SecretScope.Current);
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

    /// <summary>What failed, the evidence (exit code, its meaning when known, standard error) and, where known, how to fix it.</summary>
    public static string Describe(CommandSpec command, int exitCode, string redactedStandardError, CommandFailureMeaning? meaning)
    {
        var message = new StringBuilder();
        message.Append('\'').Append(command.ToDisplayString()).Append("' failed with exit code ").Append(exitCode);
        if (meaning is not null)
        {
            message.Append(" (").Append(meaning.Summary).Append(')');
        }

        var error = redactedStandardError.Trim();
        if (error.Length > 0)
        {
            var quoted = error.Length <= MaxQuotedErrorLength ? error : error[..MaxQuotedErrorLength] + "…";
            message.Append(". Standard error: ").Append(quoted.ReplaceLineEndings(" | "));
        }

        message.Append('.');
        if (meaning?.Hint is { } hint)
        {
            message.Append(' ').Append(hint);
        }

        return message.ToString();
    }
}
