using System.ComponentModel;
using System.Diagnostics;
using IscsiConnector.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IscsiConnector.Execution;

/// <summary>
/// Runs commands as real child processes: arguments as a list (never through a shell), standard
/// output and error read concurrently and kept apart, standard input written then closed, a
/// per-command timeout, and the whole process tree killed on timeout or cancellation.
/// </summary>
/// <remarks>
/// Every command runs with <c>LC_ALL=C</c> so that <c>iscsiadm</c> and friends print the untranslated
/// text the parsers expect. A non-zero exit code is returned, not thrown: use
/// <see cref="CommandResultExtensions.ThrowIfFailed(CommandResult, CommandSpec, int[])"/> where a failure is an error.
/// </remarks>
public sealed partial class ProcessCommandExecutor : ICommandExecutor
{
    private readonly string[] rootHelper;
    private readonly TimeSpan defaultTimeout;
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;

    /// <summary>Initializes a new instance of the <see cref="ProcessCommandExecutor"/> class.</summary>
    /// <param name="options">The root helper and default timeout; <see langword="null"/> for the defaults. Read once, here.</param>
    /// <param name="logger">The logger; <see langword="null"/> for <see cref="NullLogger"/>.</param>
    /// <param name="timeProvider">The clock for timeouts and durations; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">A root helper item is empty or contains whitespace, or the helper program starts with <c>-</c> (see <see cref="RootHelperCommandLine"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The default timeout is neither positive nor infinite.</exception>
    public ProcessCommandExecutor(
        ProcessCommandExecutorOptions? options = null,
        ILogger<ProcessCommandExecutor>? logger = null,
        TimeProvider? timeProvider = null)
    {
        options ??= new ProcessCommandExecutorOptions();
        rootHelper = [.. options.RootHelper ?? []];
        if (RootHelperCommandLine.Problem(rootHelper) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        defaultTimeout = ValidateTimeout(options.DefaultTimeout, nameof(options));
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The command's timeout is neither positive nor infinite.</exception>
    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var timeout = ValidateTimeout(command.Timeout ?? defaultTimeout, nameof(command));
        cancellationToken.ThrowIfCancellationRequested();

        var commandLine = command.ToDisplayString();
        if (logger.IsEnabled(LogLevel.Trace))
        {
            var fullLine = rootHelper.Length == 0 ? commandLine : $"{string.Join(' ', rootHelper)} {commandLine}";
            Log.CommandStarting(logger, fullLine, DescribeStandardInput(command), timeout == Timeout.InfiniteTimeSpan ? "none" : timeout.ToString());
        }

        using var process = new Process { StartInfo = CreateStartInfo(command) };
        var started = timeProvider.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            Log.CommandStartFailed(logger, process.StartInfo.FileName, commandLine, ex);
            throw StartFailed(command, commandLine, process.StartInfo.FileName, ex);
        }

        using var timeoutSource = timeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);

        // Both pipes are drained from the start: a child that fills one pipe while we wait on the other would deadlock.
        var standardOutput = process.StandardOutput.ReadToEndAsync(linked.Token);
        var standardError = process.StandardError.ReadToEndAsync(linked.Token);

        // Not awaited before the exit: a child that never reads its input would block the write past the timeout.
        var standardInput = WriteStandardInputAsync(process.StandardInput, command.StandardInput, linked.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            await standardInput.ConfigureAwait(false);

            // A grandchild that inherited the pipes can keep them open after the child exits; the token bounds that too.
            var output = await standardOutput.ConfigureAwait(false);
            var error = await standardError.ConfigureAwait(false);
            var duration = timeProvider.GetElapsedTime(started);
            Log.CommandFinished(logger, command.FileName, process.ExitCode, (long)duration.TotalMilliseconds);
            return new CommandResult(process.ExitCode, output, error, duration);
        }
        catch (OperationCanceledException ex) when (linked.IsCancellationRequested)
        {
            KillProcessTree(process);
            Forget(standardOutput);
            Forget(standardError);
            Forget(standardInput);
            var duration = timeProvider.GetElapsedTime(started);
            if (cancellationToken.IsCancellationRequested)
            {
                Log.CommandCanceled(logger, commandLine, (long)duration.TotalMilliseconds);
                throw new OperationCanceledException($"'{commandLine}' was cancelled; its process tree was killed.", ex, cancellationToken);
            }

            Log.CommandTimedOut(logger, commandLine, timeout);
            throw TimedOut(command, commandLine, timeout, ex);
        }
    }

    private static TimeSpan ValidateTimeout(TimeSpan timeout, string parameterName) =>
        timeout > TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan
            ? timeout
            : throw new ArgumentOutOfRangeException(parameterName, timeout, "A command timeout must be positive or Timeout.InfiniteTimeSpan.");

    private static string DescribeStandardInput(CommandSpec command) => command.StandardInput switch
    {
        null => "none",
        _ when command.StandardInputIsSecret => "secret, not shown",
        var text => $"{text.Length} characters",
    };
}
