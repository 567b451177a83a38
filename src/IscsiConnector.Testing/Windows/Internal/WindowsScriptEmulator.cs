using System.Text.Json;
using IscsiConnector.Execution;
using IscsiConnector.Testing.Internal;
using IscsiConnector.Windows.Internal;

namespace IscsiConnector.Testing.Windows.Internal;

/// <summary>
/// Answers the Windows initiator's scripts as Windows PowerShell on a real host would: it recognises the exact
/// script text, reads the JSON argument block and secrets from the child environment, changes the state and prints
/// the one JSON line the script prints. Anything else (another program, changed arguments, an unknown script)
/// fails, so a test notices.
/// </summary>
internal sealed partial class WindowsScriptEmulator(WindowsHostState state, TimeProvider time)
{
    public async Task<ToolResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        var program = Path.GetFileName(command.FileName);
        if (!program.Equals(WindowsScriptSettings.DefaultPowerShell, StringComparison.OrdinalIgnoreCase)
            && !program.Equals("powershell", StringComparison.OrdinalIgnoreCase))
        {
            return new ToolResult(127, string.Empty, $"{program}: command not found (simulated Windows host)\n");
        }

        if (!command.ArgumentValues.SequenceEqual(PowerShellCommand.Arguments, StringComparer.Ordinal))
        {
            return new ToolResult(1, string.Empty, $"unexpected arguments: {command.ToDisplayString()} (simulated Windows host)\n");
        }

        var script = WindowsScript.FromText(command.StandardInput);
        if (script is null)
        {
            return new ToolResult(1, string.Empty, "standard input is not one of the connector's scripts (simulated Windows host)\n");
        }

        var environment = command.Environment.ToDictionary(e => e.Key, e => e.Value.Value, StringComparer.Ordinal);
        var json = environment.GetValueOrDefault(ScriptEnvironment.Arguments);
        string reply;
        if (script == WindowsScript.Host)
        {
            reply = JsonSerializer.Serialize(Host(), WindowsJsonContext.Default.HostReply);
        }
        else if (script == WindowsScript.Connect)
        {
            var arguments = JsonSerializer.Deserialize(json ?? "null", WindowsJsonContext.Default.ConnectArguments)
                ?? throw new InvalidOperationException("The connect script ran without its argument block.");
            reply = JsonSerializer.Serialize(await ConnectAsync(arguments, environment, cancellationToken).ConfigureAwait(false), WindowsJsonContext.Default.ConnectReply);
        }
        else
        {
            var arguments = JsonSerializer.Deserialize(json ?? "null", WindowsJsonContext.Default.DisconnectArguments)
                ?? throw new InvalidOperationException("The disconnect script ran without its argument block.");
            reply = JsonSerializer.Serialize(Disconnect(arguments), WindowsJsonContext.Default.DisconnectReply);
        }

        return new ToolResult(0, reply + "\r\n", string.Empty);
    }

    private HostReply Host()
    {
        lock (state.Gate)
        {
            var now = time.GetTimestamp();
            return new HostReply
            {
                Script = WindowsScript.Host.Name,
                Ok = true,
                Step = "sessions",
                InitiatorPorts = [WindowsProjection.InitiatorPort(state)],
                Mpio = new MpioState { Installed = state.MpioInstalled, LoadBalancePolicy = state.MpioInstalled ? "RR" : null, IscsiClaimed = state.MpioInstalled && state.MpioClaimsIscsi },
                TargetPortals = [.. state.TargetPortals.Select(WindowsProjection.TargetPortal)],
                Sessions = [.. state.Sessions.Select(s =>
                {
                    var disks = now >= s.VisibleAt ? state.Disks.Where(d => d.Sessions.Contains(s.Number)).ToArray() : [];
                    return new HostSession
                    {
                        Session = WindowsProjection.Session(state, s),
                        Connections = [WindowsProjection.Connection(s)],
                        Devices = [.. disks.Select(d => WindowsProjection.Device(s, d))],
                        Disks = [.. disks.Select(WindowsProjection.Disk)],
                    };
                })],
            };
        }
    }

    private DisconnectReply Disconnect(DisconnectArguments a)
    {
        var reply = new DisconnectReply { Script = WindowsScript.Disconnect.Name, Step = "sessions" };
        lock (state.Gate)
        {
            List<string> disconnected = [], missing = [];
            foreach (var id in a.SessionIdentifiers)
            {
                var session = state.Sessions.Find(s => s.Identifier == id);
                if (session is null)
                {
                    missing.Add(id);
                    continue;
                }

                if (state.TakeFailure("Disconnect-IscsiTarget") is { } failure)
                {
                    return reply with { Disconnected = disconnected, Missing = missing, Error = WindowsProjection.Error(failure.Cmdlet, failure.Code, failure.Message) };
                }

                state.Sessions.Remove(session);
                foreach (var disk in state.Disks.Where(d => d.Sessions.Remove(session.Number) && d.Sessions.Count == 0).ToArray())
                {
                    state.Disks.Remove(disk);
                }

                disconnected.Add(id);
            }

            reply = reply with { Step = "portals", Disconnected = disconnected, Missing = missing };
            List<PortalArgument> removed = [], kept = [];
            foreach (var p in a.Portals)
            {
                var record = state.TargetPortals.Find(r => SameAddress(r.Address, r.Port, p.TargetPortalAddress, p.TargetPortalPortNumber));
                var used = state.Sessions.Exists(s => SameAddress(s.PortalAddress, s.PortalPort, p.TargetPortalAddress, p.TargetPortalPortNumber));
                if (record is null || used)
                {
                    kept.Add(p);
                    continue;
                }

                if (state.TakeFailure("Remove-IscsiTargetPortal") is { } failure)
                {
                    return reply with { PortalsRemoved = removed, PortalsKept = kept, Error = WindowsProjection.Error(failure.Cmdlet, failure.Code, failure.Message) };
                }

                state.TargetPortals.Remove(record);
                removed.Add(p);
            }

            return reply with { Ok = true, Step = "cache", PortalsRemoved = removed, PortalsKept = kept };
        }
    }
}
