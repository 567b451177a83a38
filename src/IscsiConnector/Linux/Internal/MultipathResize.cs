using IscsiConnector.Execution;
using IscsiConnector.IscsiAdm;

namespace IscsiConnector.Linux.Internal;

/// <summary>
/// <c>multipathd resize map</c> as os-brick runs it: multipathd reports its verdict on standard output (exit code 0
/// with "fail" is a failure), and answers "timeout" while a reconfigure is still in progress (asynchronous since
/// multipath-tools 0.6.1), which is retried once a second for up to os-brick's MULTIPATHD_RESIZE_TIMEOUT.
/// </summary>
internal static class MultipathResize
{
    /// <summary>How long a "timeout" answer is retried (os-brick: 120 s).</summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(CommandRunner runner, TimeProvider time, string mapName, CancellationToken cancellationToken)
    {
        var command = LinuxCommands.MultipathdResize(mapName);
        var start = time.GetTimestamp();
        while (true)
        {
            var result = await runner.RunUncheckedAsync(command, cancellationToken).ConfigureAwait(false);
            var busy = result.StandardOutput.Contains("timeout", StringComparison.Ordinal);
            var failed = result.StandardOutput.Contains("fail", StringComparison.Ordinal);
            if (result.ExitCode == 0 && !busy && !failed)
            {
                return;
            }

            if (!busy || time.GetElapsedTime(start) >= RetryWindow)
            {
                // The answer is on standard output: put it where the exception's message quotes the evidence.
                var answer = result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput;
                throw (result with { ExitCode = result.ExitCode == 0 ? 1 : result.ExitCode, StandardError = answer }).ToException(command);
            }

            await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
