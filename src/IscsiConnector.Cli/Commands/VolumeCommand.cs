using System.CommandLine;
using IscsiConnector.Cli.Hosting;

namespace IscsiConnector.Cli.Commands;

/// <summary>Builds a command about one volume: <c>--connection-info</c>, then the options the command uses.</summary>
internal static class VolumeCommand
{
    /// <summary>The body runs only after the options and the connection_info were checked (exit 2 otherwise, nothing run).</summary>
    public delegate Task<int> Body(ParseResult result, ToolSettings settings, ConnectionInfo info, CancellationToken cancellationToken);

    public static Command Create(CliOptions options, string name, string description, Body body, params IEnumerable<Option> own)
    {
        var command = new Command(name, description);
        CliOptions.Add(command, [options.ConnectionInfo, .. own]);
        command.SetAction((result, cancellationToken) => Guarded.RunAsync(() =>
        {
            var settings = ToolSettings.From(result, options);
            var info = InputFiles.ReadConnectionInfo(result.GetValue(options.ConnectionInfo)!);
            return body(result, settings, info, cancellationToken);
        }, name));
        return command;
    }
}
