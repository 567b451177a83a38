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

        if (args.Iface is { } named && !Locked(() => IfaceExists(named)))
        {
            return UnknownNodeIface(named);
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

    private T Locked<T>(Func<T> read)
    {
        lock (state.Gate)
        {
            return read();
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
        // idbm_add_node overwrites: an existing record is reset to the defaults.
        state.Nodes.RemoveAll(n => n.Iqn == args.Target && n.Portal == address && n.Iface == iface);
        state.Nodes.Add(new NodeRecord(args.Target, address, iface, -1));
        return ToolResult.Ok($"New iSCSI node [{Transport(iface)}:[hw={HwAddress(iface)},ip=,net_if=,iscsi_if={iface}] {address.Comma},-1 {args.Target}] added\n");
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
                // Captured (node-update-multi.txt): the key's line, then the summary line, exit 7.
                return ToolResult.Fail(7, $"iscsiadm: Cannot modify {key}. Invalid param name.\niscsiadm: Could not execute operation on all records: invalid parameter");
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
}
