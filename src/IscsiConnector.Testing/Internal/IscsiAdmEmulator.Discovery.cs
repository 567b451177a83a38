using System.Globalization;
using System.Text;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Testing.Internal;

internal sealed partial class IscsiAdmEmulator
{
    private async Task<ToolResult> DiscoveryAsync(IscsiAdmArguments args, bool database, CancellationToken cancellationToken)
    {
        if (!TryParsePortal(args, out var parsedPortal, out var error))
        {
            return error;
        }

        if (args.Type is not null && args.Type is not ("st" or "sendtargets"))
        {
            return ToolResult.Fail(7, $"iscsiadm: the simulated host only emulates sendtargets discovery, not '{args.Type}'");
        }

        if (!IfaceExists(args.Iface))
        {
            return UnknownDiscoveryIface(args.Iface!);
        }

        Dictionary<string, string> settings;
        lock (state.Gate)
        {
            if (parsedPortal is not { } portal)
            {
                return state.DiscoveryRecords.Count == 0
                    ? ToolResult.Fail(21, "iscsiadm: No discovery records found")
                    : ToolResult.Ok(string.Concat(state.DiscoveryRecords.Keys.Select(p => $"{p.Plain} via sendtargets\n")));
            }

            state.DiscoveryRecords.TryGetValue(portal, out var record);
            if (!database)
            {
                // Plain discovery mode starts from iscsid.conf defaults every time and stores the record.
                settings = NodeSettings.DiscoveryDefaults(portal);
                state.DiscoveryRecords[portal] = new Dictionary<string, string>(settings, StringComparer.Ordinal);
            }
            else if (args.HasOp("new"))
            {
                state.DiscoveryRecords[portal] = NodeSettings.DiscoveryDefaults(portal);
                return ToolResult.Ok($"New discovery record for [{portal.Comma}] added.\n");
            }
            else if (record is null)
            {
                // os-brick relies on exit 6 here to know it must create the record first.
                return ToolResult.Fail(6, $"iscsiadm: Discovery record [{portal.Comma}] not found.");
            }
            else if (args.HasOp("delete"))
            {
                // Captured (discoverydb.txt): the node records found through it go too.
                state.DiscoveryRecords.Remove(portal);
                state.Nodes.RemoveAll(n => n.DiscoveredVia == portal && n.Tpgt >= 0);
                return ToolResult.Ok();
            }
            else if (args.HasOp("update"))
            {
                foreach (var (key, value) in args.Updates)
                {
                    if (!record.ContainsKey(key))
                    {
                        return ToolResult.Fail(7, $"iscsiadm: Cannot modify {key}. Invalid param name.");
                    }
                }

                foreach (var (key, value) in args.Updates)
                {
                    record[key] = value.Length == 0 ? "<empty>" : value;
                }

                return ToolResult.Ok();
            }
            else if (!args.Discover && !args.Login)
            {
                return ToolResult.Ok("# BEGIN RECORD 2.1.8\n" + NodeSettings.Show(record) + "# END RECORD\n");
            }
            else
            {
                settings = new Dictionary<string, string>(record, StringComparer.Ordinal);
            }
        }

        // "-o nonpersistent" prints what was found and stores nothing (iscsiadm's exec_disc_op_on_recs skips new/update/delete).
        return await SendTargetsAsync(parsedPortal.Value, settings, args.Iface ?? "default", persist: !args.HasOp("nonpersistent"), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ToolResult> SendTargetsAsync(PortalAddress address, Dictionary<string, string> settings, string iface, bool persist, CancellationToken cancellationToken)
    {
        var timeout = NodeSettings.ReadInt(settings, NodeSettings.DiscoveryLoginTimeout, 15);
        var reopen = NodeSettings.ReadInt(settings, NodeSettings.DiscoveryReopenMax, 5);
        var attempts = reopen + 1;
        PortalDef? portal;
        lock (state.Gate)
        {
            state.Portals.TryGetValue(address, out portal);
        }

        bool offload;
        lock (state.Gate)
        {
            offload = OffloadWithoutDriver(iface);
        }

        if (offload)
        {
            // Captured (iface-create.txt): two lines per attempt, ~1.3 s each.
            await Task.Delay(TimeSpan.FromSeconds(attempts), time, cancellationToken).ConfigureAwait(false);
            var lines = new StringBuilder();
            for (var i = 0; i < attempts; i++)
            {
                lines.Append("iscsiadm: Received iferror -101: Network is unreachable.\n");
                lines.Append(CultureInfo.InvariantCulture, $"iscsiadm: Connection to discovery portal {address.Host} failed: encountered connection failure\n");
            }

            lines.Append(CultureInfo.InvariantCulture, $"iscsiadm: connection login retries (reopen_max) {reopen} exceeded\n");
            lines.Append("iscsiadm: Could not perform SendTargets discovery: iSCSI PDU timed out\n");
            return new ToolResult(11, string.Empty, lines.ToString());
        }

        var state1 = portal?.State ?? PortalState.Refusing;
        if (state1 != PortalState.Up)
        {
            // Captured: refused ~0.9 s per attempt (5.6 s for reopen_max 5), blackholed login_timeout per attempt (95.7 s).
            var blackholed = state1 == PortalState.Blackholed;
            var cost = blackholed ? TimeSpan.FromSeconds((double)timeout * attempts) : TimeSpan.FromSeconds(attempts);
            await Task.Delay(cost, time, cancellationToken).ConfigureAwait(false);
            var line = blackholed ? $"iscsiadm: connect to {address.Host} timed out\n" : $"iscsiadm: cannot make connection to {address.Host}: Connection refused\n";
            var text = new StringBuilder();
            for (var i = 0; i < attempts; i++)
            {
                text.Append(line);
            }

            text.Append(CultureInfo.InvariantCulture, $"iscsiadm: connection login retries (reopen_max) {reopen} exceeded\n");
            text.Append("iscsiadm: Could not perform SendTargets discovery: iSCSI PDU timed out\n");
            return new ToolResult(11, string.Empty, text.ToString());
        }

        lock (state.Gate)
        {
            if (portal!.DiscoveryChap is { } account
                && (!string.Equals(NodeSettings.Value(settings, NodeSettings.DiscoveryAuthMethod), "CHAP", StringComparison.OrdinalIgnoreCase)
                    || NodeSettings.Value(settings, NodeSettings.DiscoveryUsername) != account.Username
                    || NodeSettings.Value(settings, NodeSettings.DiscoveryPassword) != account.Password))
            {
                return ToolResult.Fail(24, $"iscsiadm: Login failed to authenticate with target \niscsiadm: discovery login to {address.Host} rejected: initiator failed authorization\n\niscsiadm: Could not perform SendTargets discovery: iSCSI login failed due to authorization failure");
            }

            // tgtd answers only with the portal that was asked (RECIPE.md), with tpgt 1; an array may list more (AlsoReports).
            var stdout = new StringBuilder();
            foreach (var target in state.Targets.Where(t => portal.Exposes(t.Iqn)))
            {
                foreach (var reported in portal.AlsoReports.Prepend(address))
                {
                    stdout.Append(CultureInfo.InvariantCulture, $"{reported.Bracketed},1 {target.Iqn}\n");
                    if (!persist)
                    {
                        continue;
                    }

                    var existing = state.Nodes.Find(n => n.Iqn == target.Iqn && n.Portal == reported && n.Iface == iface);
                    if (existing is null)
                    {
                        state.Nodes.Add(new NodeRecord(target.Iqn, reported, iface, 1) { DiscoveredVia = address });
                    }
                    else
                    {
                        existing.Tpgt = 1;
                        NodeSettings.MarkDiscovered(existing.Settings, address, 1);
                        existing.DiscoveredVia = address;
                    }
                }
            }

            return ToolResult.Ok(stdout.ToString());
        }
    }
}
