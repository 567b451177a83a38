using System.Globalization;
using System.Text;

namespace IscsiConnector.Testing.Internal;

internal sealed partial class IscsiAdmEmulator
{
    private ToolResult Session(IscsiAdmArguments args)
    {
        lock (state.Gate)
        {
            List<SessionState> sessions;
            if (args.Sid is { } sidText)
            {
                // -r takes a number or a sysfs path ending in sessionN.
                var digits = new string(sidText.Reverse().TakeWhile(char.IsAsciiDigit).Reverse().ToArray());
                if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var sid))
                {
                    return ToolResult.Fail(7, $"iscsiadm: invalid sid '{sidText}'");
                }

                if (!state.Sessions.TryGetValue(sid, out var one))
                {
                    return ToolResult.Fail(22, $"iscsiadm: Could not get session info for sid {sid}");
                }

                sessions = [one];
            }
            else
            {
                sessions = [.. state.Sessions.Values];
            }

            if (args.Logout)
            {
                return Logout(sessions);
            }

            if (args.Rescan)
            {
                return RescanSessions(sessions);
            }

            if (sessions.Count == 0)
            {
                return ToolResult.Fail(21, "iscsiadm: No active sessions.");
            }

            return ToolResult.Ok(args.PrintLevel >= 1 ? PrintTree(sessions) : string.Concat(sessions.Select(s =>
                $"{Transport(s.Iface)}: [{s.Id.ToString(CultureInfo.InvariantCulture)}] {s.Portal.Bracketed},{s.Tpgt.ToString(CultureInfo.InvariantCulture)} {s.Iqn} (non-flash)\n")));
        }
    }

    /// <summary>A shortened <c>-P 1</c>/<c>-P 3</c> tree: the interface block and, at level 3, the attached disks.</summary>
    private string PrintTree(List<SessionState> sessions)
    {
        var text = new StringBuilder();
        foreach (var group in sessions.GroupBy(s => s.Iqn))
        {
            text.Append(CultureInfo.InvariantCulture, $"Target: {group.Key} (non-flash)\n");
            foreach (var s in group)
            {
                text.Append(CultureInfo.InvariantCulture, $"\tCurrent Portal: {s.Portal.Bracketed},{s.Tpgt}\n\tPersistent Portal: {s.Portal.Bracketed},{s.Tpgt}\n");
                text.Append("\t\t**********\n\t\tInterface:\n\t\t**********\n");
                text.Append(CultureInfo.InvariantCulture, $"\t\tIface Name: {s.Iface}\n\t\tIface Transport: {Transport(s.Iface)}\n\t\tIface Initiatorname: {state.InitiatorName}\n");
                text.Append(CultureInfo.InvariantCulture, $"\t\tSID: {s.Id}\n\t\tiSCSI Connection State: {(s.State == "LOGGED_IN" ? "LOGGED IN" : "TRANSPORT WAIT")}\n\t\tiSCSI Session State: {s.State}\n\t\tInternal iscsid Session State: NO CHANGE\n");
                text.Append("\t\t************************\n\t\tAttached SCSI devices:\n\t\t************************\n");
                text.Append(CultureInfo.InvariantCulture, $"\t\tHost Number: {s.HostNumber}\tState: running\n");
                foreach (var d in state.VisibleDevices.Where(d => d.Session == s).OrderBy(d => d.HostLun))
                {
                    text.Append(CultureInfo.InvariantCulture, $"\t\tscsi{s.HostNumber} Channel 00 Id 0 Lun: {d.HostLun}\n");
                    if (d.DiskName is not null)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\t\t\tAttached scsi disk {d.DiskName}\t\tState: {d.State}\n");
                    }
                }
            }
        }

        return text.ToString();
    }
}
