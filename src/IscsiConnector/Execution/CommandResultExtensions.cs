namespace IscsiConnector.Execution;

/// <summary>Turns a failed <see cref="CommandResult"/> into an <see cref="IscsiCommandException"/>.</summary>
public static class CommandResultExtensions
{
    /// <summary>
    /// Throws when the command exited with a code other than 0 and the <paramref name="acceptedExitCodes"/>;
    /// otherwise returns <paramref name="result"/> unchanged, for chaining.
    /// </summary>
    /// <param name="result">The result of running <paramref name="command"/>.</param>
    /// <param name="command">The command that produced the result (for the program and the redacted command line).</param>
    /// <param name="acceptedExitCodes">Exit codes besides 0 that are not failures, e.g. 21 ("no records found") for a cleanup.</param>
    /// <returns><paramref name="result"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="IscsiCommandException">The exit code was not accepted. The message, command line and
    /// standard error carry no secret argument or secret standard input.</exception>
    /// <remarks>The exception's <see cref="IscsiCommandException.Kind"/> is <see cref="IscsiErrorKind.Unknown"/>: this layer knows no
    /// program's exit codes. The connector's own <c>iscsiadm</c> calls add the code's meaning and a hint.</remarks>
    public static CommandResult ThrowIfFailed(this CommandResult result, CommandSpec command, params int[] acceptedExitCodes) =>
        result.ThrowIfFailed(command, null, acceptedExitCodes);

    /// <summary>As <see cref="ThrowIfFailed(CommandResult, CommandSpec, int[])"/>, with the meaning of the exit code from the layer that knows the program.</summary>
    internal static CommandResult ThrowIfFailed(this CommandResult result, CommandSpec command, Func<int, CommandFailureMeaning?>? explain, params int[] acceptedExitCodes)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(acceptedExitCodes);
        if (result.ExitCode == 0 || acceptedExitCodes.Contains(result.ExitCode))
        {
            return result;
        }

        throw result.ToException(command, explain?.Invoke(result.ExitCode));
    }

    /// <summary>
    /// Describes a failed result as an <see cref="IscsiCommandException"/> without throwing it, for callers
    /// that wrap it in an error of their own.
    /// </summary>
    /// <param name="result">The result of running <paramref name="command"/>.</param>
    /// <param name="command">The command that produced the result.</param>
    /// <returns>The exception: redacted command line, exit code, redacted trimmed standard error.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IscsiCommandException ToException(this CommandResult result, CommandSpec command) => result.ToException(command, null);

    /// <summary>As <see cref="ToException(CommandResult, CommandSpec)"/>, with the exit code's <paramref name="meaning"/>.</summary>
    internal static IscsiCommandException ToException(this CommandResult result, CommandSpec command, CommandFailureMeaning? meaning)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(command);
        var standardError = CommandFailureText.Redact(result.StandardError, command);
        return new IscsiCommandException(
            command.FileName,
            command.ToDisplayString(),
            result.ExitCode,
            standardError,
            CommandFailureText.Describe(command, result.ExitCode, standardError, meaning),
            kind: meaning?.Kind ?? IscsiErrorKind.Unknown);
    }
}
