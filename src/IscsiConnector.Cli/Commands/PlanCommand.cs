using System.CommandLine;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Output;
using IscsiConnector.Cli.Planning;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Cli.Commands;

/// <summary>
/// <c>plan</c>: a dry run. The real connect flow runs against a simulated host (on a simulated clock, so it takes no
/// time) and every command and sysfs write it makes is printed, secrets masked; nothing runs on this machine. Failover
/// plans add the whole chain (<see cref="FailoverChain"/>), multipath plans each portal's sequence.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliOptions options) => VolumeCommand.Create(
        options,
        "plan",
        "Print the commands 'connect' would run, in order, secrets masked, without running anything.",
        async (_, settings, info, cancellationToken) =>
        {
            var (host, basis) = settings.ScenarioPath is { } scenario
                ? (ScenarioLoader.Load(scenario, new SimulatedTimeProvider()).Host, "scenario")
                : (ModelHost(info), "connection_info");
            var recorder = new StepRecorder();
            using var session = ConnectorSession.OpenRecording(settings, host, recorder);
            VolumeAttachment? attachment = null;
            VolumeAttachException? failure = null;
            try
            {
                attachment = await session.Connector.ConnectVolumeAsync(info, cancellationToken);
            }
            catch (VolumeAttachException ex)
            {
                failure = ex;
            }

            var steps = recorder.Snapshot();
            var detail = await PlanDetail.CreateAsync(settings, info, steps, cancellationToken);
            JsonOutput.Write(w => PlanJson.Write(w, settings, basis, steps, attachment, failure, detail));
            return ExitCodes.Success;
        },
        [.. options.Attach, .. options.Host(withTimeScale: false)]);

    private static SimulatedIscsiHost ModelHost(ConnectionInfo info)
    {
        try
        {
            return PlanHostBuilder.FromConnectionInfo(info);
        }
        catch (ArgumentException ex)
        {
            // A value the simulated host cannot model (its own checks are stricter in places than connection_info's).
            throw new InvalidOperationException($"plan cannot model this connection_info: {ex.Message}", ex);
        }
    }
}
