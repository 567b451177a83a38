using IscsiConnector.Cli.Planning;
using IscsiConnector.Execution;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Cli.Hosting;

/// <summary>
/// Wraps the executor the connector uses: reports which portal is being logged into (progress), logs every
/// command at Trace when the inner executor does not (the simulated host), and records the steps for <c>plan</c>.
/// It delegates, so the connector still sees the host underneath (the simulated host's portal reachability).
/// </summary>
internal sealed class ObservingExecutor(ICommandExecutor inner, ILogger logger, bool logCommands, StepRecorder? recorder) : IDelegatingCommandExecutor
{
    public ICommandExecutor InnerExecutor => inner;

    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var args = command.Arguments.Select(a => a.Display).ToList();
        if (args.Contains("--login") && ValueOf(args, "-p") is { } portal && ValueOf(args, "-T") is { } iqn)
        {
            CliLog.LoggingIn(logger, portal, iqn);
        }

        recorder?.Add(PlanStep.Command(command));
        if (logCommands)
        {
            CliLog.Running(logger, command.ToDisplayString());
        }

        var result = await inner.ExecuteAsync(command, cancellationToken);
        if (logCommands)
        {
            CliLog.Finished(logger, Path.GetFileName(command.FileName), result.ExitCode, (long)result.Duration.TotalMilliseconds);
        }

        return result;
    }

    private static string? ValueOf(List<string> args, string flag)
    {
        var index = args.IndexOf(flag);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }
}
