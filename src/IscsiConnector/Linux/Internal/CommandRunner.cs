using IscsiConnector.Execution;

namespace IscsiConnector.Linux.Internal;

/// <summary>
/// Runs commands through the executor with the root helper and timeout from the options, and turns
/// unexpected exit codes into <see cref="IscsiCommandException"/> (secrets masked).
/// </summary>
internal sealed class CommandRunner(ICommandExecutor executor, IscsiConnectorOptions options)
{
    /// <summary>Runs <paramref name="command"/>; exit 0 and any of <paramref name="acceptedExitCodes"/> are success.</summary>
    public async Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken, params int[] acceptedExitCodes)
    {
        var effective = Wrap(command);
        var result = await executor.ExecuteAsync(effective, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0 && Array.IndexOf(acceptedExitCodes, result.ExitCode) < 0)
        {
            throw CommandFailures.From(command, result);
        }

        return result;
    }

    /// <summary>Runs <paramref name="command"/> and returns its result whatever the exit code.</summary>
    public Task<CommandResult> RunUncheckedAsync(CommandSpec command, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(Wrap(command), cancellationToken);

    private CommandSpec Wrap(CommandSpec command)
    {
        var wrapped = string.IsNullOrEmpty(options.RootHelper)
            ? command
            : new CommandSpec(options.RootHelper, [command.FileName, .. command.Arguments]) { StandardInput = command.StandardInput, StandardInputIsSecret = command.StandardInputIsSecret };
        return wrapped with { Timeout = command.Timeout ?? options.CommandTimeout };
    }
}
