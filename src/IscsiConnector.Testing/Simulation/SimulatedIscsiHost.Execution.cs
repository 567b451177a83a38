using IscsiConnector.Execution;
using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing.Simulation;

public sealed partial class SimulatedIscsiHost
{
    /// <summary>Gets every command run so far, in order, like <see cref="FakeCommandExecutor.Invocations"/>.</summary>
    public IReadOnlyList<RecordedCommand> Invocations => _recorder.Snapshot();

    /// <summary>Gets how many processes the connector started on this host.</summary>
    public int ProcessStartCount => _recorder.Count;

    /// <summary>Renders every command as a redacted command line, one per line.</summary>
    /// <returns>The commands joined with <c>\n</c>; CHAP secrets show as <c>***</c>.</returns>
    public string RenderInvocations() => _recorder.Render();

    /// <summary>Forgets the recorded commands (the host state stays).</summary>
    public void ClearInvocations() => _recorder.Clear();

    /// <summary>
    /// Runs an emulated command: <c>iscsiadm</c>, <c>blockdev</c>, <c>multipath</c>, <c>multipathd</c>, <c>udevadm</c>.
    /// Anything else exits 127 with "command not found", so that a test notices an unexpected program.
    /// </summary>
    /// <param name="command">The command; its file name may be a path (<c>/usr/sbin/iscsiadm</c>).</param>
    /// <param name="cancellationToken">Cancels the run (and any time cost being paid).</param>
    /// <returns>The exit code and outputs real tools print; <see cref="CommandResult.Duration"/> is measured on <see cref="TimeProvider"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="IscsiCommandException">The command ran longer than its <see cref="CommandSpec.Timeout"/>.</exception>
    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var program = Path.GetFileName(command.FileName);
        string[] args = [.. command.ArgumentValues];
        return await SimulatedCommandRun.ExecuteAsync(_recorder, command, "simulated host", Start, cancellationToken).ConfigureAwait(false);

        (TimeSpan, Func<CancellationToken, Task<ToolResult>>) Start()
        {
            TimeSpan latency;
            ToolResult? injected;
            lock (_state.Gate)
            {
                latency = _state.Latencies.TryGetValue(program, out var own) ? own : _state.DefaultLatency;
                injected = TakeInjectedFailure(program, args);
            }

            return (latency, async token => injected
                ?? RunReadinessCommand(program, args, command)
                ?? (program == "iscsiadm" ? await _iscsiadm.RunAsync(args, token).ConfigureAwait(false) : _tools.Run(program, args)));
        }
    }

    private ToolResult? TakeInjectedFailure(string program, string[] args)
    {
        var failure = _state.Failures.Find(f => f.Remaining > 0 && f.Program == program
            && f.ArgumentPrefix.Length <= args.Length && args.AsSpan(0, f.ArgumentPrefix.Length).SequenceEqual(f.ArgumentPrefix));
        if (failure is null)
        {
            return null;
        }

        failure.Remaining--;
        return new ToolResult(failure.ExitCode, failure.StandardOutput, failure.StandardError);
    }
}
