using IscsiConnector.Execution;

namespace IscsiConnector.Tests.Connector.Support;

/// <summary>
/// Holds every <c>iscsiadm --login</c> until <paramref name="gate"/> of them are in flight at the same time, then lets
/// them all through; records the most seen at once. Concurrent logins open the gate at once; serial logins would
/// each wait for the (real-time) safety limit, so the test would fail on <see cref="MaxInFlight"/>, not hang.
/// </summary>
internal sealed class LoginGateExecutor(ICommandExecutor inner, int gate) : ICommandExecutor
{
    private static readonly TimeSpan SafetyLimit = TimeSpan.FromSeconds(20);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _maxInFlight;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        if (!command.ArgumentValues.Contains("--login"))
        {
            return await inner.ExecuteAsync(command, cancellationToken);
        }

        var now = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); now > max; max = Volatile.Read(ref _maxInFlight))
        {
            Interlocked.CompareExchange(ref _maxInFlight, now, max);
        }

        try
        {
            if (now >= gate)
            {
                _open.TrySetResult();
            }

            try
            {
                await _open.Task.WaitAsync(SafetyLimit, cancellationToken);
            }
            catch (TimeoutException)
            {
                _open.TrySetResult(); // not concurrent: let the rest run; MaxInFlight tells the test
            }

            return await inner.ExecuteAsync(command, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
