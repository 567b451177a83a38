using System.Globalization;
using System.Text;

namespace IscsiConnector.Testing.Internal;

internal sealed partial class IscsiAdmEmulator
{
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
                Kernel.Scan(state, session, hostLun: null);
            }
        }

        return ToolResult.Ok(stdout.ToString());
    }
}
