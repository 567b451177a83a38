using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using IscsiConnector.Cli.Commands;

namespace IscsiConnector.Cli;

/// <summary>The command tree, the usage-error rule (System.CommandLine's error lines on stderr, exit code 2) and the signal rule.</summary>
internal static class CliApplication
{
    public static RootCommand Build()
    {
        var options = new CliOptions();
        return new RootCommand("iscsi-connector: attach, detach, extend and inspect iSCSI volumes from Cinder-style connection_info. JSON on standard output, progress on standard error. Documentation: https://github.com/iscsi-connector/IscsiConnector/blob/main/docs/cli.md")
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
            CheckCommand.Create(options),
        };
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var result = Build().Parse(args);
        if (result.Action is ParseErrorAction parseError)
        {
            // System.CommandLine's own rendering (each error on its line, then "did you mean" for a typo), without the
            // help dump, all on standard error: standard output carries JSON or nothing. Exit code 2, nothing was run.
            parseError.ShowHelp = false;
            parseError.ShowTypoCorrections = true;
            await result.InvokeAsync(new InvocationConfiguration { Output = Console.Error, Error = Console.Error });
            await Console.Error.WriteLineAsync("iscsi-connector: see 'iscsi-connector --help' (or '<command> --help').");
            return ExitCodes.InvalidInput;
        }

        // Ctrl-C (SIGINT) and SIGTERM cancel the command's token, so the connector undoes a half-done attach before the
        // process exits (130 and 143, the shell's 128 + signal number); without this the runtime would kill the
        // process mid-login.
        using var interrupted = new CancellationTokenSource();
        var signal = 0;
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        var exitCode = await result.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, interrupted.Token);
        return exitCode == ExitCodes.Cancelled && signal == SigTerm ? ExitCodes.Terminated : exitCode;

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            Interlocked.CompareExchange(ref signal, context.Signal == PosixSignal.SIGTERM ? SigTerm : SigInt, 0);
            interrupted.Cancel();
        }
    }

    private const int SigInt = 2;
    private const int SigTerm = 15;
}
