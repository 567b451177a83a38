using System.CommandLine;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Output;

namespace IscsiConnector.Cli.Commands;

/// <summary><c>paths</c>, <c>extend</c> and <c>properties</c>: read (or rescan) the host and print JSON.</summary>
internal static class QueryCommands
{
    public static Command Paths(CliOptions options) => VolumeCommand.Create(
        options,
        "paths",
        "Print the volume's existing device paths as a JSON array (never logs in).",
        async (_, settings, info, cancellationToken) =>
        {
            using var session = ConnectorSession.Open(settings);
            await session.PrepareAttachedAsync(info, cancellationToken);
            var paths = await session.Connector.GetVolumePathsAsync(info, cancellationToken);
            JsonOutput.Write(w => w.WriteStringArray(paths));
            return ExitCodes.Success;
        },
        [options.AttachedMultipath, .. options.Host()]);

    public static Command Extend(CliOptions options) => VolumeCommand.Create(
        options,
        "extend",
        "Rescan the volume's paths (and resize its multipath map); print the new size.",
        async (_, settings, info, cancellationToken) =>
        {
            using var session = ConnectorSession.Open(settings);
            await session.PrepareAttachedAsync(info, cancellationToken);
            try
            {
                var size = await session.Connector.ExtendVolumeAsync(info, cancellationToken);
                JsonOutput.Write(w => w.WriteSingle("size_bytes", size));
                return ExitCodes.Success;
            }
            catch (VolumeAttachException ex)
            {
                JsonOutput.Write(w => w.WriteSingle("error", ex.Message));
                return Guarded.Fail(ExitCodes.AttachFailed, ex.Message);
            }
        },
        [options.AttachedMultipath, .. options.Host()]);

    public static Command Properties(CliOptions options)
    {
        var command = new Command("properties", "Print this host's connector properties (initiator, host, ip, platform, os_type, multipath) as JSON.");
        CliOptions.Add(command, [options.ReportedMultipath, .. options.Host()]);
        command.SetAction((result, cancellationToken) => Guarded.RunAsync(async () =>
        {
            var settings = ToolSettings.From(result, options);
            using var session = ConnectorSession.Open(settings);
            var properties = await session.Connector.GetConnectorPropertiesAsync(cancellationToken);
            JsonOutput.Write(w => HostJson.WriteProperties(w, properties));
            return ExitCodes.Success;
        }));
        return command;
    }
}
