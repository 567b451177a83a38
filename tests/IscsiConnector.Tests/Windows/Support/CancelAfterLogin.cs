using IscsiConnector.Execution;

namespace IscsiConnector.Tests.Windows.Support;

/// <summary>
/// Lets the first login command do its work, then cancels the attach and reports the cancellation, as when the
/// caller gives up while the login process is finishing: the session exists, and the undo must remove it.
/// </summary>
public sealed class CancelAfterLogin(ICommandExecutor inner, Func<CommandSpec, bool> isLogin) : ICommandExecutor
{
    private readonly CancellationTokenSource _source = new();

    public CancellationToken Token => _source.Token;

    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        if (_source.IsCancellationRequested || !isLogin(command))
        {
            return await inner.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }

        await inner.ExecuteAsync(command, CancellationToken.None).ConfigureAwait(false);
        await _source.CancelAsync().ConfigureAwait(false);
        throw new OperationCanceledException(_source.Token);
    }
}
