using System.Globalization;
using System.Text;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Testing.Internal;

internal sealed partial class IscsiAdmEmulator
{
    private async Task<ToolResult> NodeAsync(IscsiAdmArguments args, CancellationToken cancellationToken)
    {
        if (!TryParsePortal(args, out var portal, out var error))
        {
            return error;
        }

        if (args.Login)
        {
            return await LoginAsync(args, portal, cancellationToken).ConfigureAwait(false);
        }

        lock (state.Gate)
        {
            if (args.Logout)
            {
                return Logout(Sessions(args.Target, portal, args.Iface));
            }

            if (args.Rescan)
            {
                return RescanSessions(Sessions(args.Target, portal, args.Iface));
            }

            if (args.HasOp("new"))
            {
                return New(args, portal);
            }

            if (args.HasOp("delete"))
            {
                return Delete(Nodes(args.Target, portal, args.Iface));
            }

            if (args.HasOp("update"))
            {
                return Update(Nodes(args.Target, portal, args.Iface), args.Updates);
            }

            if (args.HasOp("show") || args.Target is not null || portal is not null)
            {
                var nodes = Nodes(args.Target, portal, args.Iface);
                return nodes.Count == 0 ? ToolResult.Fail(21, NoRecords) : ToolResult.Ok(string.Concat(nodes.Select(ShowRecord)));
            }

            var all = Nodes(null, null, args.Iface);
            return all.Count == 0
                ? ToolResult.Fail(21, NoRecords)
                : ToolResult.Ok(string.Concat(all.Select(n => $"{n.Portal.Bracketed},{unchecked((uint)n.Tpgt).ToString(CultureInfo.InvariantCulture)} {n.Iqn}\n")));
        }
    }

    private List<NodeRecord> Nodes(string? iqn, PortalAddress? portal, string? iface) => state.Nodes
        .Where(n => (iqn is null || n.Iqn == iqn) && (portal is null || n.Portal == portal) && (iface is null || n.Iface == iface))
        .OrderBy(n => n.Iqn, StringComparer.Ordinal).ThenBy(n => n.Portal.Bracketed, StringComparer.Ordinal).ThenBy(n => n.Iface, StringComparer.Ordinal)
        .ToList();

    private List<SessionState> Sessions(string? iqn, PortalAddress? portal, string? iface) => state.Sessions.Values
        .Where(s => (iqn is null || s.Iqn == iqn) && (portal is null || s.Portal == portal) && (iface is null || s.Iface == iface))
        .ToList();

    private ToolResult New(IscsiAdmArguments args, PortalAddress? portal)
    {
        if (args.Target is null || portal is not { } address)
        {
            return ToolResult.Fail(7, "iscsiadm: --op new requires a target and a portal (-T <iqn> -p <ip:port>)");
        }

        var iface = args.Iface ?? "default";
        if (!IfaceExists(iface))
        {
            return UnknownIface(iface);
        }

        // idbm_add_node overwrites: an existing record is reset to the defaults.
        state.Nodes.RemoveAll(n => n.Iqn == args.Target && n.Portal == address && n.Iface == iface);
        state.Nodes.Add(new NodeRecord(args.Target, address, iface, -1));
        return ToolResult.Ok($"New iSCSI node [{Transport(iface)}:[hw=,ip=,net_if=,iscsi_if={iface}] {address.Comma},-1 {args.Target}] added\n");
    }

    private ToolResult Delete(List<NodeRecord> nodes)
    {
        if (nodes.Count == 0)
        {
            return ToolResult.Fail(21, NoRecords);
        }

        foreach (var node in nodes)
        {
            if (state.Sessions.Values.Any(s => s.Iqn == node.Iqn && s.Portal == node.Portal && s.Iface == node.Iface))
            {
                return ToolResult.Fail(15, $"iscsiadm: This command will remove the record {Describe(node.Iface, node.Iqn, node.Portal)}, but a session is using it. Logout session then rerun command to remove record.");
            }
        }

        state.Nodes.RemoveAll(nodes.Contains);
        return ToolResult.Ok();
    }

    private static ToolResult Update(List<NodeRecord> nodes, List<KeyValuePair<string, string>> updates)
    {
        if (nodes.Count == 0)
        {
            return ToolResult.Fail(21, NoRecords);
        }

        foreach (var (key, value) in updates)
        {
            if (!nodes[0].Settings.ContainsKey(key) || key is "node.name" or "node.tpgt" or "node.conn[0].address" or "node.conn[0].port")
            {
                return ToolResult.Fail(7, $"iscsiadm: Cannot modify {key}. Invalid param name.");
            }

            if (key == NodeSettings.Scan && value is not ("manual" or "auto"))
            {
                return ToolResult.Fail(7, $"iscsiadm: Cannot modify {key}. Invalid param value {value}.");
            }
        }

        foreach (var node in nodes)
        {
            foreach (var (key, value) in updates)
            {
                node.Settings[key] = value.Length == 0 ? "<empty>" : value;
            }
        }

        return ToolResult.Ok();
    }

    private static string ShowRecord(NodeRecord node) => "# BEGIN RECORD 2.1.8\n" + NodeSettings.Show(node.Settings) + "# END RECORD\n";

    private async Task<ToolResult> LoginAsync(IscsiAdmArguments args, PortalAddress? portal, CancellationToken cancellationToken)
    {
        List<NodeRecord> nodes;
        lock (state.Gate)
        {
            nodes = Nodes(args.Target, portal, args.Iface);
        }

        if (nodes.Count == 0)
        {
            return ToolResult.Fail(21, NoRecords);
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var exitCode = 0;
        foreach (var node in nodes)
        {
            var code = await LoginOneAsync(node, stdout, stderr, cancellationToken).ConfigureAwait(false);
            exitCode = exitCode == 0 ? code : exitCode;
        }

        if (exitCode != 0)
        {
            stderr.Append("iscsiadm: Could not log into all portals\n");
        }

        return new ToolResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    private async Task<int> LoginOneAsync(NodeRecord node, StringBuilder stdout, StringBuilder stderr, CancellationToken cancellationToken)
    {
        var what = Describe(node.Iface, node.Iqn, node.Portal);
        int code;
        TimeSpan cost;
        int sid, hostNumber;
        lock (state.Gate)
        {
            if (state.PendingLogins.Contains(node.Key) || state.Sessions.Values.Any(s => s.Iqn == node.Iqn && s.Portal == node.Portal && s.Iface == node.Iface))
            {
                stderr.Append(CultureInfo.InvariantCulture, $"iscsiadm: {node.Iface}: 1 session requested, but 1 already present.\n");
                return 15;
            }

            stdout.Append(CultureInfo.InvariantCulture, $"Logging in to {what}\n");

            // The kernel creates the session (and its SCSI host) before the login PDUs, so a failure still uses up the ids.
            sid = state.NextSessionId++;
            hostNumber = state.NextHostNumber++;
            (code, cost) = Judge(node);
            state.PendingLogins.Add(node.Key);
        }

        try
        {
            if (cost > TimeSpan.Zero)
            {
                await Task.Delay(cost, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (state.Gate)
            {
                state.PendingLogins.Remove(node.Key);
                if (code == 0 && !cancellationToken.IsCancellationRequested)
                {
                    var session = new SessionState(sid, hostNumber, node) { ManualScan = node.Get(NodeSettings.Scan) == "manual" };
                    state.Sessions.Add(sid, session);
                    if (!session.ManualScan)
                    {
                        Kernel.Scan(state, session, lun: null);
                    }
                }
            }
        }

        if (code == 0)
        {
            stdout.Append(CultureInfo.InvariantCulture, $"Login to {what} successful.\n");
            return 0;
        }

        stderr.Append(CultureInfo.InvariantCulture, $"iscsiadm: Could not login to {what}.\n");
        stderr.Append(CultureInfo.InvariantCulture, $"iscsiadm: initiator reported error ({code} - {LoginError(code)})\n");
        return code;
    }

    /// <summary>Decides a login's outcome and its time cost from the portal, the target and the record's settings.</summary>
    private (int Code, TimeSpan Cost) Judge(NodeRecord node)
    {
        state.Portals.TryGetValue(node.Portal, out var portal);
        if (portal is null || portal.State != PortalState.Up)
        {
            // Captured: refused and blackholed portals both end in error 8 after roughly
            // login_timeout x (initial_login_retry_max + 1) (defaults 15 s and 8: ~123 s observed).
            var timeout = NodeSettings.ReadInt(node.Settings, NodeSettings.LoginTimeout, 15);
            var retries = NodeSettings.ReadInt(node.Settings, NodeSettings.LoginRetryMax, 8);
            return (8, TimeSpan.FromSeconds((double)timeout * (retries + 1)));
        }

        var target = state.FindTarget(node.Iqn);
        if (target is null || !portal.Exposes(node.Iqn))
        {
            return (19, TimeSpan.Zero);
        }

        if (target.Chap is { } account)
        {
            var chap = string.Equals(node.Get(NodeSettings.AuthMethod), "CHAP", StringComparison.OrdinalIgnoreCase);
            if (!chap || NodeSettings.Value(node.Settings, NodeSettings.Username) != account.Username || NodeSettings.Value(node.Settings, NodeSettings.Password) != account.Password)
            {
                return (24, TimeSpan.Zero);
            }

            if (target.MutualChap is { } mutual
                && (NodeSettings.Value(node.Settings, NodeSettings.UsernameIn) != mutual.Username || NodeSettings.Value(node.Settings, NodeSettings.PasswordIn) != mutual.Password))
            {
                return (24, TimeSpan.Zero);
            }
        }

        return (0, TimeSpan.Zero);
    }

    private static string LoginError(int code) => code switch
    {
        8 => "connection timed out",
        19 => "encountered non-retryable iSCSI login failure",
        24 => "iSCSI login failed due to authorization failure",
        _ => "iSCSI login failed",
    };

    private ToolResult Logout(List<SessionState> sessions)
    {
        if (sessions.Count == 0)
        {
            return ToolResult.Fail(21, "iscsiadm: No matching sessions found");
        }

        var stdout = new StringBuilder();
        foreach (var session in sessions)
        {
            stdout.Append(CultureInfo.InvariantCulture, $"Logging out of session [sid: {session.Id}, target: {session.Iqn}, portal: {session.Portal.Comma}]\n");
        }

        foreach (var session in sessions)
        {
            Kernel.RemoveSession(state, session);
            stdout.Append(CultureInfo.InvariantCulture, $"Logout of [sid: {session.Id}, target: {session.Iqn}, portal: {session.Portal.Comma}] successful.\n");
        }

        return ToolResult.Ok(stdout.ToString());
    }

    private ToolResult RescanSessions(List<SessionState> sessions)
    {
        if (sessions.Count == 0)
        {
            return ToolResult.Fail(21, "iscsiadm: No session found.");
        }

        var stdout = new StringBuilder();
        foreach (var session in sessions)
        {
            stdout.Append(CultureInfo.InvariantCulture, $"Rescanning session [sid: {session.Id}, target: {session.Iqn}, portal: {session.Portal.Comma}]\n");
            foreach (var device in state.Devices.Where(d => d.Session == session))
            {
                Kernel.Rescan(device);
            }

            // iscsiadm asks for a host scan only when the record's node.session.scan is auto.
            if (!session.ManualScan)
            {
                Kernel.Scan(state, session, lun: null);
            }
        }

        return ToolResult.Ok(stdout.ToString());
    }
}
