using IscsiConnector.Execution;

namespace IscsiConnector.Tests.Connector.Support;

/// <summary>Runs a test's code around each command of the wrapped executor: to cancel at a chosen command, or to hold commands back until others arrive.</summary>
internal sealed class CommandHooks(ICommandExecutor inner) : ICommandExecutor
{
    public Action<CommandSpec>? Before { get; set; }

    public Func<CommandSpec, Task>? BeforeAsync { get; set; }

    public Action<CommandSpec>? After { get; set; }

    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        Before?.Invoke(command);
        if (BeforeAsync is not null)
        {
            await BeforeAsync(command);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = await inner.ExecuteAsync(command, cancellationToken);
        After?.Invoke(command);
        return result;
    }
}
