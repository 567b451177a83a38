using System.Globalization;

namespace IscsiConnector.IscsiAdm.Parsing;

/// <content>The line-by-line state machine behind <see cref="SessionTreeParser"/>.</content>
internal static partial class SessionTreeParser
{
    private sealed class TreeState
    {
        private string? target;
        private bool? flash;
        private IscsiPortal? current;
        private string? currentLine;
        private IscsiPortal? persistent;
        private int? sessionId;
        private int? hostNumber;
        private string? hostState;
        private List<IscsiScsiDevice> devices = [];
        private Dictionary<string, string?> properties = [];

        public List<IscsiSessionDetail> Sessions { get; } = [];

        public List<string> Unparsed { get; } = [];

        public bool Accept(string line)
        {
            if (line.All(c => c == '*') || line.StartsWith("iSCSI Transport Class version", StringComparison.Ordinal)
                || line.StartsWith("version ", StringComparison.Ordinal))
            {
                return true;
            }

            if (TargetPattern().Match(line) is { Success: true } t)
            {
                Flush();
                target = t.Groups["name"].Value;
                flash = t.Groups["flash"].Success ? t.Groups["flash"].Value == "flash" : null;
                return true;
            }

            if (line.StartsWith("Current Portal:", StringComparison.Ordinal))
            {
                Flush();
                currentLine = line;
                return target is not null && PortalText.TryParse(line["Current Portal:".Length..].Trim(), out current!);
            }

            if (line.StartsWith("Persistent Portal:", StringComparison.Ordinal))
            {
                return PortalText.TryParse(line["Persistent Portal:".Length..].Trim(), out persistent!);
            }

            return AcceptScsi(line) || AcceptProperty(line);
        }

        public void Flush()
        {
            if (current is not null && target is not null && sessionId is { } sid)
            {
                Sessions.Add(new IscsiSessionDetail
                {
                    TargetName = target,
                    IsFlash = flash,
                    SessionId = sid,
                    CurrentPortal = current,
                    PersistentPortal = persistent,
                    IfaceName = Take("Iface Name"),
                    Transport = Take("Iface Transport"),
                    InitiatorName = Take("Iface Initiatorname"),
                    LocalAddress = Take("Iface IPaddress"),
                    ConnectionState = Take("iSCSI Connection State"),
                    SessionState = Take("iSCSI Session State"),
                    InternalState = Take("Internal iscsid Session State"),
                    HostNumber = hostNumber,
                    HostState = hostState,
                    Devices = devices,
                    Properties = properties,
                });
            }
            else if (currentLine is not null && current is not null)
            {
                // A session block without a SID cannot be used to find its devices: report it rather than guess.
                Unparsed.Add(currentLine);
            }

            (current, currentLine, persistent, sessionId, hostNumber, hostState) = (null, null, null, null, null, null);
            devices = [];
            properties = [];
        }

        private bool AcceptScsi(string line)
        {
            if (HostPattern().Match(line) is { Success: true } h)
            {
                (hostNumber, hostState) = (Number(h.Groups["host"]), h.Groups["state"].Value.Trim());
                return current is not null;
            }

            if (DevicePattern().Match(line) is { Success: true } d)
            {
                devices.Add(new IscsiScsiDevice(Number(d.Groups["host"]), Number(d.Groups["channel"]), Number(d.Groups["id"]), Number(d.Groups["lun"]), null, null));
                return current is not null;
            }

            if (DiskPattern().Match(line) is { Success: true } k && devices.Count > 0)
            {
                devices[^1] = devices[^1] with { DiskName = k.Groups["disk"].Value, DiskState = k.Groups["state"].Value.Trim() };
                return true;
            }

            return false;
        }

        private bool AcceptProperty(string line)
        {
            if (PropertyPattern().Match(line) is not { Success: true } p || current is null)
            {
                return false;
            }

            var key = p.Groups["key"].Value.Trim();
            var value = p.Groups["value"].Value.Trim();
            if (key == "SID")
            {
                sessionId = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sid) ? sid : null;
                return sessionId is not null;
            }

            // Section titles ("Interface:", "CHAP:") have no value; passwords are never kept, even masked.
            if (value.Length > 0 && !key.StartsWith("password", StringComparison.Ordinal))
            {
                properties[key] = PortalText.OrNull(value);
            }

            return true;
        }

        private string? Take(string key) => properties.TryGetValue(key, out var value) ? value : null;
    }
}
