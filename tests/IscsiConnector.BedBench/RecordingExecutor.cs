using IscsiConnector.Connector.Internal;
using IscsiConnector.Execution;

namespace IscsiConnector.BedBench;

/// <summary>
/// Runs commands through the library's own process executor and records each one (the measured process count).
/// A wrapped executor is a test seam to the factory, which then does not probe portals; this host is the real one,
/// so it hands on the library's own TCP probe, exactly what the factory gives the unwrapped real host.
/// </summary>
internal sealed class RecordingExecutor(ICommandExecutor inner) : ICommandExecutor, IPortalProbe
{
    private readonly TcpPortalProbe probe = new(TimeProvider.System);

    public Task<bool> IsReachableAsync(IscsiPortal portal, TimeSpan timeout, CancellationToken cancellationToken) =>
        probe.IsReachableAsync(portal, timeout, cancellationToken);

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
