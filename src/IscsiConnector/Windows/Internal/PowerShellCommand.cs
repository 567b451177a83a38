using IscsiConnector.Execution;

namespace IscsiConnector.Windows.Internal;

/// <summary>
/// Builds the one command every script runs as: <c>powershell.exe -NoProfile -NonInteractive -Command -</c>, the
/// fixed script on standard input, the argument block and secrets in the child's environment only.
/// </summary>
internal static class PowerShellCommand
{
    /// <summary>The arguments: no profile (a user's profile could print or change things), no prompt, script from standard input.</summary>
    public static IReadOnlyList<string> Arguments { get; } = ["-NoProfile", "-NonInteractive", "-Command", "-"];

    /// <summary>Creates the command for <paramref name="script"/> with an optional JSON argument block and secrets.</summary>
    public static CommandSpec Create(
        string powerShell,
        WindowsScript script,
        string? argumentsJson,
        IReadOnlyDictionary<string, string> secrets,
        TimeSpan timeout)
    {
        var environment = new Dictionary<string, CommandArgument>(StringComparer.Ordinal);
        if (argumentsJson is not null)
        {
            environment[ScriptEnvironment.Arguments] = argumentsJson;
        }

        foreach (var (name, secret) in secrets)
        {
            environment[name] = CommandArgument.Secret(secret);
        }

        return new CommandSpec(powerShell, Arguments.Select(CommandArgument.FromString))
        {
            StandardInput = script.Text,
            Environment = environment,
            Timeout = timeout,
        };
    }
}
