using System.CommandLine;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Output;
using IscsiConnector.Transports;

namespace IscsiConnector.Cli.Commands;

/// <summary>
/// <c>iface list|show|create|delete|check</c>: open-iscsi ifaces (spec 004) through <see cref="IscsiIfaceManager"/>.
/// An iface that cannot be used is exit 6 with <c>{"error", "iface", "reason"}</c> on standard output.
/// </summary>
internal static class IfaceCommands
{
    private delegate Task<int> Body(ParseResult result, ConnectorSession session, CancellationToken cancellationToken);

    public static Command Create(CliOptions options)
    {
        var name = new Option<string>("--name") { Description = "The iface name, e.g. cxgb4i.00:07:43:aa:bb:cc.", HelpName = "name", Required = true };
        var create = new IfaceCreateOptions();
        return new Command("iface", "List, show, create, delete and check open-iscsi ifaces (transports); JSON on standard output.")
        {
            Sub(options, "list", "Print every iface open-iscsi knows as a JSON array.", [], async (_, session, token) =>
            {
                var ifaces = await session.Ifaces.ListAsync(token);
                JsonOutput.Write(w => IfaceJson.WriteList(w, ifaces));
                return ExitCodes.Success;
            }),
            Sub(options, "show", "Validate one iface (exists, known transport) and print it with its hardware check.", [name], async (result, session, token) =>
            {
                var iface = await session.Ifaces.ValidateAsync(NameOf(result, name), token);
                var check = session.Ifaces.CheckHardware(iface);
                JsonOutput.Write(w => IfaceJson.WriteShow(w, iface, check));
                return ExitCodes.Success;
            }),
            Sub(options, "check", "Check that an iface's hardware is on this host; exit 6 when it is not.", [name], async (result, session, token) =>
            {
                var iface = await session.Ifaces.ValidateAsync(NameOf(result, name), token);
                var check = session.Ifaces.CheckHardware(iface);
                JsonOutput.Write(w => IfaceJson.WriteCheck(w, iface, check));
                return check.IsUsable ? ExitCodes.Success : Guarded.Fail(ExitCodes.TransportUnusable, $"{check.Failure}: {check.Message}");
            }),
            Sub(options, "create", "Create an iface (or reuse an identical one); never overwrites one that differs.", create.All, async (result, session, token) =>
            {
                var ensured = await session.Ifaces.EnsureAsync(create.Definition(result), token);
                JsonOutput.Write(w => IfaceJson.WriteEnsured(w, ensured));
                return ExitCodes.Success;
            }),
            Sub(options, "delete", "Delete an iface (and the node records bound to it); refuses default and iser.", [name], async (result, session, token) =>
            {
                var target = NameOf(result, name);
                if (target is IscsiTransports.DefaultIface or IscsiTransports.Iser)
                {
                    throw new UsageException($"--name: '{target}' is one of open-iscsi's built-in ifaces and is never deleted.");
                }

                var deleted = await session.Ifaces.DeleteAsync(target, token);
                JsonOutput.Write(w => IfaceJson.WriteDeleted(w, target, deleted));
                return ExitCodes.Success;
            }),
        };
    }

    private static Command Sub(CliOptions options, string verb, string description, Option[] own, Body body)
    {
        var command = new Command(verb, description);

        // No --transport, --multipath or --login-timeout here: they describe an attach, not an iface.
        CliOptions.Add(command, [.. own, .. options.Host()]);
        command.SetAction((result, cancellationToken) => Guarded.RunAsync(async () =>
        {
            var settings = ToolSettings.From(result, options);
            using var session = ConnectorSession.Open(settings);
            try
            {
                return await body(result, session, cancellationToken);
            }
            catch (IscsiTransportException ex)
            {
                JsonOutput.Write(w => IfaceJson.WriteFailure(w, ex));
                return Guarded.Fail(ExitCodes.TransportUnusable, ex.Message);
            }
        }));
        return command;
    }

    private static string NameOf(ParseResult result, Option<string> option)
    {
        var value = result.GetValue(option)!;
        return ToolSettings.IsWord(value)
            ? value
            : throw new UsageException($"--name: '{ToolSettings.Printable(value)}' is not an iface name (one word, not starting with '-').");
    }
}
