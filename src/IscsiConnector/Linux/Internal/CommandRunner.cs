using IscsiConnector.Execution;

namespace IscsiConnector.Linux.Internal;

/// <summary>
/// Runs commands through the executor with the timeout from the options, and turns unexpected exit
/// codes into <see cref="IscsiCommandException"/> (secrets masked). The root helper is the executor's
/// business (<see cref="ProcessCommandExecutorOptions.RootHelper"/>), so that a command is never wrapped twice.
/// </summary>
internal sealed class CommandRunner(ICommandExecutor executor, IscsiConnectorOptions options)
{
    /// <summary>Runs <paramref name="command"/>; exit 0 and any of <paramref name="acceptedExitCodes"/> are success.</summary>
    public async Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken, params int[] acceptedExitCodes)
    {
        var effective = WithTimeout(command);
        var result = await executor.ExecuteAsync(effective, cancellationToken).ConfigureAwait(false);
        return result.ThrowIfFailed(effective, acceptedExitCodes);
    }

    /// <summary>Runs <paramref name="command"/> and returns its result whatever the exit code.</summary>
    public Task<CommandResult> RunUncheckedAsync(CommandSpec command, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(WithTimeout(command), cancellationToken);

    private CommandSpec WithTimeout(CommandSpec command) => command with { Timeout = command.Timeout ?? options.CommandTimeout };
}
