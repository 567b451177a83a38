namespace IscsiConnector.Execution;

/// <summary>
/// Runs external commands. This is the only seam through which the library starts a process, so a
/// test (or a consumer) can substitute a fake or a simulated host.
/// </summary>
public interface ICommandExecutor
{
    /// <summary>Runs <paramref name="command"/> to completion and returns what it printed and how it exited.</summary>
    /// <param name="command">The command: program, argument list, optional standard input and timeout.</param>
    /// <param name="cancellationToken">Cancels the run; the process tree is killed.</param>
    /// <returns>The result. A non-zero exit code is <em>not</em> an exception at this layer.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; the process tree was killed.</exception>
    /// <exception cref="IscsiCommandException">The program could not be started, or it exceeded its timeout.</exception>
    Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default);
}
