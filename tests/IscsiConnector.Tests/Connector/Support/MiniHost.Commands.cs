using System.Globalization;
using IscsiConnector.Execution;

namespace IscsiConnector.Tests.Connector.Support;

internal sealed partial class MiniHost
{
    private static readonly TimeSpan HealthyLogin = TimeSpan.FromMilliseconds(300);

    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _commands.Add(command);
        }

        BeforeCommand?.Invoke(command);
        if (BeforeCommandAsync is not null)
        {
            await BeforeCommandAsync(command).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        CommandResult result;
        TimeSpan cost;
        lock (_gate)
        {
            var args = command.ArgumentValues.ToList();
            (result, cost) = command.FileName switch
            {
                "iscsiadm" => IscsiAdm(args),
                "multipathd" => (Multipathd(args), TimeSpan.Zero),
                "multipath" => (Multipath(args), TimeSpan.Zero),
                "blockdev" => (Blockdev(args), TimeSpan.Zero),
                _ => (Fail(127, $"{command.FileName}: not found"), TimeSpan.Zero),
            };
        }

        // The process "takes" this long on the fake clock (a blackholed login costs its timeouts).
        if (cost > TimeSpan.Zero)
        {
            Time.Advance(cost);
        }

        AfterCommand?.Invoke(command);
        return result with { Duration = cost };
    }

    private static CommandResult Ok(string stdout = "") => new(0, stdout, string.Empty, TimeSpan.Zero);

    private static CommandResult Fail(int code, string stderr) => new(code, string.Empty, "iscsiadm: " + stderr, TimeSpan.Zero);

    private static string? Option(List<string> args, string name)
    {
        var i = args.IndexOf(name);
        return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
    }

    private static (string Host, int Port) ParsePortal(string text)
    {
        var colon = text.LastIndexOf(':');
        return (text[..colon].Trim('[', ']'), int.Parse(text[(colon + 1)..], CultureInfo.InvariantCulture));
    }

    private (CommandResult, TimeSpan) IscsiAdm(List<string> args)
    {
        var mode = Option(args, "-m");
        var portalText = Option(args, "-p");
        if (mode == "discoverydb")
        {
            return Discovery(args, ParsePortal(portalText!));
        }

        if (mode != "node" || portalText is null || Option(args, "-T") is not { } iqn)
        {
            return (Fail(7, "unsupported in MiniHost: " + string.Join(' ', args)), TimeSpan.Zero);
        }

        var (host, port) = ParsePortal(portalText);
        var key = (host, port, iqn);
        var op = Option(args, "-o");
        if (op == "new")
        {
            Nodes[key] = new Dictionary<string, string>(StringComparer.Ordinal);
            return (Ok($"New iSCSI node [tcp:[hw=,ip=,net_if=,iscsi_if=default] {host},{port},-1 {iqn}] added\n"), TimeSpan.Zero);
        }

        if (!Nodes.TryGetValue(key, out var record))
        {
            return (Fail(21, "No records found"), TimeSpan.Zero);
        }

        if (op == "update")
        {
            for (var i = 0; i < args.Count - 3; i++)
            {
                if (args[i] == "-n" && args[i + 2] == "-v")
                {
                    record[args[i + 1]] = args[i + 3];
                }
            }

            return (Ok(), TimeSpan.Zero);
        }

        if (op == "delete")
        {
            Nodes.Remove(key);
            return (Ok(), TimeSpan.Zero);
        }

        if (args.Contains("--logout"))
        {
            var session = Sessions.FirstOrDefault(s => s.Portal.Host == host && s.Portal.Port == port && s.Target.Iqn == iqn);
            if (session is null)
            {
                return (Fail(21, "No matching sessions found"), TimeSpan.Zero);
            }

            foreach (var disk in session.Disks.Values.ToList())
            {
                RemoveDiskLocked(disk);
            }

            Sessions.Remove(session);
            return (Ok($"Logging out of session [sid: {session.Id}, target: {iqn}, portal: {host},{port}]\nLogout of [sid: {session.Id}, target: {iqn}, portal: {host},{port}] successful.\n"), TimeSpan.Zero);
        }

        if (args.Contains("--login"))
        {
            return Login(host, port, iqn, record);
        }

        return (Fail(7, "unsupported node operation"), TimeSpan.Zero);
    }

    private (CommandResult, TimeSpan) Login(string host, int port, string iqn, Dictionary<string, string> record)
    {
        if (ScriptedLoginExitCodes.TryDequeue(out var scripted))
        {
            return (Fail(scripted, "scripted failure"), HealthyLogin);
        }

        if (Sessions.Any(s => s.Portal.Host == host && s.Portal.Port == port && s.Target.Iqn == iqn))
        {
            return (Fail(15, "Could not log into all portals\niscsiadm: 1 session requested, but 1 already present."), TimeSpan.Zero);
        }

        var portal = Portals.FirstOrDefault(p => p.Host == host && p.Port == port);
        if (portal is null || portal.State != MiniPortalState.Up)
        {
            // iscsid's defaults when the record does not say: 15 s × (8 + 1) attempts.
            var timeout = record.TryGetValue("node.conn[0].timeo.login_timeout", out var t) ? int.Parse(t, CultureInfo.InvariantCulture) : 15;
            var retries = record.TryGetValue("node.session.initial_login_retry_max", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : 8;
            var cost = portal?.State == MiniPortalState.Refused ? TimeSpan.FromSeconds(0.5 * (retries + 1)) : TimeSpan.FromSeconds(timeout * (retries + 1));
            return (Fail(8, "initiator reported error (8 - connection timed out)\niscsiadm: Could not log into all portals"), cost);
        }

        var target = portal.Targets.FirstOrDefault(t => t.Iqn == iqn);
        if (target is null)
        {
            return (Fail(19, "initiator reported error (19 - encountered non-retryable iSCSI login failure)"), HealthyLogin);
        }

        if (target.Chap is { } chap)
        {
            var ok = record.GetValueOrDefault("node.session.auth.authmethod") == "CHAP"
                && record.GetValueOrDefault("node.session.auth.username") == chap.User
                && record.GetValueOrDefault("node.session.auth.password") == chap.Password;
            if (!ok)
            {
                return (Fail(24, "initiator reported error (24 - iSCSI login failed due to authorization failure)"), HealthyLogin);
            }
        }

        var session = CreateSession(portal, target);
        if (record.GetValueOrDefault("node.session.scan") != "manual")
        {
            foreach (var lun in target.Luns.Keys)
            {
                ScanLocked(session, lun);
            }
        }

        return (Ok($"Logging in to [iface: default, target: {iqn}, portal: {host},{port}]\nLogin to [iface: default, target: {iqn}, portal: {host},{port}] successful.\n"), HealthyLogin);
    }

    private (CommandResult, TimeSpan) Discovery(List<string> args, (string Host, int Port) at)
    {
        var op = Option(args, "-o");
        if (op == "new")
        {
            DiscoveryRecords.Add(at);
            return (Ok(), TimeSpan.Zero);
        }

        if (!DiscoveryRecords.Contains(at))
        {
            return (Fail(6, "Discovery record not found"), TimeSpan.Zero);
        }

        if (op == "update")
        {
            for (var i = 0; i < args.Count - 3; i++)
            {
                if (args[i] == "-n" && args[i + 2] == "-v")
                {
                    DiscoverySettings[(at, args[i + 1])] = args[i + 3];
                }
            }

            return (Ok(), TimeSpan.Zero);
        }

        var portal = Portals.FirstOrDefault(p => p.Host == at.Host && p.Port == at.Port);
        if (portal is null || portal.State != MiniPortalState.Up)
        {
            var timeout = DiscoverySettings.TryGetValue((at, "discovery.sendtargets.timeo.login_timeout"), out var t) ? int.Parse(t, CultureInfo.InvariantCulture) : 15;
            return (Fail(11, "Connection to Discovery Address timed out"), TimeSpan.FromSeconds(timeout));
        }

        if (portal.DiscoveryChap is { } chap
            && (DiscoverySettings.GetValueOrDefault((at, "discovery.sendtargets.auth.username")) != chap.User
                || DiscoverySettings.GetValueOrDefault((at, "discovery.sendtargets.auth.password")) != chap.Password))
        {
            return (Fail(24, "Login failed due to authorization failure"), HealthyLogin);
        }

        var lines = new List<string>();
        foreach (var target in portal.Targets)
        {
            foreach (var (h, p) in new[] { (portal.Host, portal.Port) }.Concat(portal.AlsoReports))
            {
                var address = h.Contains(':', StringComparison.Ordinal) ? $"[{h}]:{p}" : $"{h}:{p}";
                lines.Add($"{address},1 {target.Iqn}");

                // Like real discovery: a node record per reported (portal, target).
                Nodes.TryAdd((h, p, target.Iqn), new Dictionary<string, string>(StringComparer.Ordinal));
            }
        }

        return (Ok(string.Join('\n', lines) + "\n"), HealthyLogin);
    }

    public Dictionary<((string Host, int Port) At, string Key), string> DiscoverySettings { get; } = [];

    private CommandResult Multipathd(List<string> args)
    {
        if (!MultipathdRunning)
        {
            return new CommandResult(1, string.Empty, "error connecting to multipathd socket", TimeSpan.Zero);
        }

        switch (args)
        {
            case ["show", "status"]:
                return Ok("path checker states:\nup 2\n");
            case ["add", "path", var device]:
                var name = device["/dev/".Length..];
                if (!Disks.ContainsKey(name))
                {
                    return new CommandResult(1, "fail\n", string.Empty, TimeSpan.Zero);
                }

                AddToMap(name);
                return Ok("ok\n");
            case ["resize", "map", var mapName]:
                var map = Maps.FirstOrDefault(m => m.Name == mapName);
                if (map is null)
                {
                    return new CommandResult(1, "fail\n", string.Empty, TimeSpan.Zero);
                }

                map.Size = map.Slaves.Select(s => Disks[s].Size).DefaultIfEmpty(map.Size).Min();
                return Ok("ok\n");
            default:
                return new CommandResult(1, string.Empty, "unsupported", TimeSpan.Zero);
        }
    }

    private CommandResult Multipath(List<string> args)
    {
        if (args is ["-f", var name])
        {
            if (MultipathFlushFailures > 0)
            {
                MultipathFlushFailures--;
                return new CommandResult(1, string.Empty, $"{name}: map in use", TimeSpan.Zero);
            }

            Maps.RemoveAll(m => m.Name == name);
            return Ok();
        }

        return new CommandResult(1, string.Empty, "unsupported", TimeSpan.Zero);
    }

    private CommandResult Blockdev(List<string> args)
    {
        if (args is ["--flushbufs", var device] && Disks.ContainsKey(device["/dev/".Length..]))
        {
            if (BlockdevFlushFailures > 0)
            {
                BlockdevFlushFailures--;
                return new CommandResult(1, string.Empty, "blockdev: ioctl error on BLKFLSBUF: Input/output error", TimeSpan.Zero);
            }

            return Ok();
        }

        return new CommandResult(1, string.Empty, "blockdev: cannot open " + string.Join(' ', args), TimeSpan.Zero);
    }
}
