using IscsiConnector.Execution;

namespace IscsiConnector.Testing.Internal;

/// <summary>
/// The part of a simulated host's <c>ExecuteAsync</c> that is the same on every simulated platform and mirrors
/// <see cref="ProcessCommandExecutor"/>: the command is recorded, its <see cref="CommandSpec.Timeout"/> runs on the
/// host's clock and ends as the real executor's does (an <see cref="IscsiCommandException"/> that says it timed out,
/// not a cancellation), the host's latency is paid before the emulated program answers, and the run time is measured.
/// </summary>
internal static class SimulatedCommandRun
{
    /// <summary>Runs <paramref name="command"/> on a simulated host.</summary>
    /// <param name="recorder">The host's record of commands; its clock is the host's.</param>
    /// <param name="command">The command.</param>
    /// <param name="hostName">How a timeout message names the host, e.g. "simulated host".</param>
    /// <param name="start">
    /// Called once the command is recorded and its timeout runs: the latency to pay, then the emulated program. What
    /// the host decides at this point (an injected failure taken) is decided in the order commands arrive, not in the
    /// order their latencies end.
    /// </param>
    /// <param name="cancellationToken">Cancels the run and any time cost being paid.</param>
    public static async Task<CommandResult> ExecuteAsync(
        InvocationRecorder recorder,
        CommandSpec command,
        string hostName,
        Func<(TimeSpan Latency, Func<CancellationToken, Task<ToolResult>> Program)> start,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();
        recorder.Record(command);
        var time = recorder.TimeProvider;
        var started = time.GetTimestamp();
        using var timeout = command.Timeout is { } limit && limit != Timeout.InfiniteTimeSpan ? new CancellationTokenSource(limit, time) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked?.Token ?? cancellationToken;
        try
        {
            var (latency, program) = start();
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, time, token).ConfigureAwait(false);
            }

            var result = await program(token).ConfigureAwait(false);
            return new CommandResult(result.ExitCode, result.StandardOutput, result.StandardError, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException ex) when (timeout?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            // Same shape as the real executor: the process tree is killed and the timeout is reported, not a cancellation.
            throw new IscsiCommandException(
                Path.GetFileName(command.FileName),
                command.ToDisplayString(),
                exitCode: null,
                standardError: null,
                $"'{command.ToDisplayString()}' did not finish within {command.Timeout} and was killed ({hostName}).",
                timedOut: true,
                ex);
        }
    }
}
