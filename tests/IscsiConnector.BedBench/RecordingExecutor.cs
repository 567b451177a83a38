using IscsiConnector.Execution;

namespace IscsiConnector.BedBench;

/// <summary>
/// Runs commands through the library's own process executor and records each one (the measured process count).
/// It delegates, so the factory sees the real process executor underneath and probes portals as it does for an
/// unwrapped real host.
/// </summary>
internal sealed class RecordingExecutor(ICommandExecutor inner) : IDelegatingCommandExecutor
{
    public ICommandExecutor InnerExecutor => inner;

    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        var record = CallRecord.Current;
        var startMs = record?.NowMs ?? 0;
        int? exitCode = null;
        try
        {
            var result = await inner.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
            exitCode = result.ExitCode;
            return result;
        }
        finally
        {
            // ToDisplayString masks secrets (CHAP values never reach the benchmark's output).
            record?.Add(new Step("cmd", command.ToDisplayString(), startMs, (record.NowMs - startMs), exitCode));
        }
    }
}
