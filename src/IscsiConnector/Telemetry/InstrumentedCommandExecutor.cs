using System.Diagnostics;
using IscsiConnector.Execution;

namespace IscsiConnector.Telemetry;

/// <summary>
/// Wraps the connector's <see cref="ICommandExecutor"/> so that every command gets a span and is counted, whoever
/// runs it: real processes, a user's own executor, or the simulated host. The composition root puts it around the
/// executor it was given; the executor itself stays unaware of telemetry.
/// </summary>
/// <remarks>
/// The argument list on the span is the redacted one (<see cref="CommandArgument.Display"/>: secret arguments as
/// <c>***</c>). Standard input and environment values are never tagged, secret or not.
/// </remarks>
internal sealed class InstrumentedCommandExecutor(ICommandExecutor inner, CommandMetrics metrics, TimeProvider time) : ICommandExecutor
{
    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var program = Path.GetFileName(command.FileName);
        metrics.Starting(program);
        using var activity = ConnectorActivities.Source.StartActivity(ConnectorActivities.Command, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryTags.ExecutableName, program);
            // OpenTelemetry's process.command_args: the program, then each argument as the process receives it, redacted.
            activity.SetTag(TelemetryTags.CommandArgs, command.Arguments.Select(a => a.Display).Prepend(command.FileName).ToArray());
        }

        var start = time.GetTimestamp();
        try
        {
            var result = await inner.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(TelemetryTags.ExitCode, result.ExitCode);
            activity?.SetTag(TelemetryTags.CommandDuration, result.Duration.TotalSeconds);
            metrics.Finished(program, result.Duration, result.ExitCode, error: null);
            return result;
        }
        catch (Exception e)
        {
            ConnectorActivities.Failed(activity, e);
            metrics.Finished(program, time.GetElapsedTime(start), (e as IscsiCommandException)?.ExitCode, e);
            throw;
        }
    }
}
