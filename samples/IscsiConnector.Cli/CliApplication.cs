using System.CommandLine;
using System.Runtime.InteropServices;
using IscsiConnector.Cli.Commands;

namespace IscsiConnector.Cli;

/// <summary>The command tree and the usage-error rule: a parse error is one stderr line and exit code 2.</summary>
internal static class CliApplication
{
    public static RootCommand Build()
    {
        var options = new CliOptions();
        return new RootCommand("iscsi-connector: attach, detach, extend and inspect iSCSI volumes from Cinder-style connection_info. JSON on standard output, progress on standard error; see docs/cli.md.")
        {
            ConnectCommand.Create(options),
            DisconnectCommand.Create(options),
            QueryCommands.Paths(options),
            QueryCommands.Extend(options),
            QueryCommands.Properties(options),
            PlanCommand.Create(options),
            IfaceCommands.Create(options),
            DevicePathsCommand.Create(),
            MigrateXmlCommand.Create(),
            LibiscsiCommand.Create(options),
        };
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var result = Build().Parse(args);
        if (result.Errors.Count > 0)
        {
            // One line, no help dump: scripts read the exit code, people read the line.
            return Guarded.Fail(ExitCodes.InvalidInput, string.Join("; ", result.Errors.Select(e => e.Message).Distinct()) + " (see --help)");
        }

        // Ctrl-C / SIGTERM cancel the command's token, so the connector undoes a half-done attach before the
        // process exits (130); without this the runtime would kill the process mid-login.
        using var interrupted = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        return await result.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, interrupted.Token);

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupted.Cancel();
        }
    }
}
