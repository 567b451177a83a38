using System.CommandLine;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Output;

namespace IscsiConnector.Cli.Commands;

/// <summary><c>check</c>: does this host have what an attach needs? JSON on standard output; exit 0 ready, 8 not ready.</summary>
internal static class CheckCommand
{
    public static Command Create(CliOptions options)
    {
        var command = new Command(
            "check",
            "Check that this host can attach volumes (iscsiadm, root helper, iscsid, initiator name, transport, multipathd with --multipath); JSON, exit 8 when not ready.");
        options.AddCommon(command);
        command.SetAction((result, cancellationToken) => Guarded.RunAsync(async () =>
        {
            var settings = ToolSettings.From(result, options);
            using var session = ConnectorSession.Open(settings);
            var hostCheck = session.HostCheck ?? throw new UsageException("check: the host check is open-iscsi's (Linux); it has no Windows form (--platform windows)");
            var check = await hostCheck.CheckAsync(cancellationToken);
            JsonOutput.Write(w => HostCheckJson.WriteCheck(w, check));
            return check.IsReady
                ? ExitCodes.Success
                : Guarded.Fail(ExitCodes.HostNotReady, string.Join(" ", check.Problems.Select(p => $"{p.Detail}. Fix: {p.Fix}.")));
        }));
        return command;
    }
}
