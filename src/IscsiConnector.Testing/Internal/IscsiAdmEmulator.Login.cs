using System.Globalization;
using System.Text;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Testing.Internal;

internal sealed partial class IscsiAdmEmulator
{
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
                        Kernel.Scan(state, session, hostLun: null);
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
        if (OffloadWithoutDriver(node.Iface))
        {
            // Captured: 16.6 s with iscsid's defaults; modelled as one login_timeout.
            return (23, TimeSpan.FromSeconds(NodeSettings.ReadInt(node.Settings, NodeSettings.LoginTimeout, 15)));
        }

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
        23 => "host not found",
        24 => "iSCSI login failed due to authorization failure",
        _ => "iSCSI login failed",
    };
}
