using System.CommandLine;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Output;

namespace IscsiConnector.Cli.Commands;

/// <summary><c>paths</c>, <c>extend</c> and <c>properties</c>: read (or rescan) the host and print JSON.</summary>
internal static class QueryCommands
{
    public static Command Paths(CliOptions options)
    {
        var command = new Command("paths", "Print the volume's existing device paths as a JSON array (never logs in).");
        command.Options.Add(options.ConnectionInfo);
        options.AddCommon(command);
        command.SetAction((result, cancellationToken) => Guarded.RunAsync(async () =>
        {
            var settings = ToolSettings.From(result, options);
            var info = InputFiles.ReadConnectionInfo(result.GetValue(options.ConnectionInfo)!);
            using var session = ConnectorSession.Open(settings);
            await session.PrepareAttachedAsync(info, cancellationToken);
            var paths = await session.Connector.GetVolumePathsAsync(info, cancellationToken);
            JsonOutput.Write(w =>
            {
                w.WriteStartArray();
                foreach (var path in paths)
                {
                    w.WriteStringValue(path);
                }

                w.WriteEndArray();
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Extend(CliOptions options)
    {
        var command = new Command("extend", "Rescan the volume's paths (and resize its multipath map); print the new size.");
        command.Options.Add(options.ConnectionInfo);
        options.AddCommon(command);
        command.SetAction((result, cancellationToken) => Guarded.RunAsync(async () =>
        {
            var settings = ToolSettings.From(result, options);
            var info = InputFiles.ReadConnectionInfo(result.GetValue(options.ConnectionInfo)!);
            using var session = ConnectorSession.Open(settings);
            await session.PrepareAttachedAsync(info, cancellationToken);
            try
            {
                var size = await session.Connector.ExtendVolumeAsync(info, cancellationToken);
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("size_bytes", size);
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }
            catch (VolumeAttachException ex)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("error", ex.Message);
                    w.WriteEndObject();
                });
                return Guarded.Fail(ExitCodes.AttachFailed, ex.Message);
            }
        }));
        return command;
    }

    public static Command Properties(CliOptions options)
    {
        var command = new Command("properties", "Print this host's connector properties (initiator, host, ip, platform, os_type, multipath) as JSON.");
        options.AddCommon(command);
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
