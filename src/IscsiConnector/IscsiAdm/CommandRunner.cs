using IscsiConnector.Execution;

namespace IscsiConnector.IscsiAdm;

/// <summary>
/// Runs commands through the executor with a default timeout, and turns unexpected exit codes into
/// <see cref="IscsiCommandException"/> (secrets masked), explaining <c>iscsiadm</c>'s codes. The root helper is the
/// executor's business (<see cref="ProcessCommandExecutorOptions.RootHelper"/>), so that a command is never wrapped twice.
/// </summary>
/// <param name="executor">Runs the processes.</param>
/// <param name="commandTimeout">The timeout of a command that does not set its own.</param>
internal sealed class CommandRunner(ICommandExecutor executor, TimeSpan commandTimeout)
{
    /// <summary>Runs <paramref name="command"/>; exit 0 and any of <paramref name="acceptedExitCodes"/> are success.</summary>
    public async Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken, params int[] acceptedExitCodes)
    {
        var effective = WithTimeout(command);
        var result = await RunUncheckedAsync(effective, cancellationToken).ConfigureAwait(false);
        return result.ThrowIfFailed(effective, IscsiAdmFailures.ExplainerFor(effective), acceptedExitCodes);
    }

    /// <summary>Runs <paramref name="command"/> and returns its result whatever the exit code.</summary>
    /// <exception cref="IscsiCommandException">The program could not start or did not finish; for <c>iscsiadm</c> with its advice added.</exception>
    public async Task<CommandResult> RunUncheckedAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        var effective = WithTimeout(command);
        try
        {
            return await executor.ExecuteAsync(effective, cancellationToken).ConfigureAwait(false);
        }
        catch (IscsiCommandException e) when (IscsiAdmFailures.HintWithoutExitCode(effective, e) is { } hint)
        {
            throw new IscsiCommandException(e.Program, e.CommandLine, e.ExitCode, e.StandardError, $"{e.Message} {hint}", e.TimedOut, e.InnerException ?? e, e.Kind);
        }
    }

    /// <summary>Describes a failed result of <paramref name="command"/> without throwing it.</summary>
    public static IscsiCommandException ToException(CommandResult result, CommandSpec command) =>
        result.ToException(command, IscsiAdmFailures.ExplainerFor(command)?.Invoke(result.ExitCode));

    private CommandSpec WithTimeout(CommandSpec command) => command with { Timeout = command.Timeout ?? commandTimeout };
}
