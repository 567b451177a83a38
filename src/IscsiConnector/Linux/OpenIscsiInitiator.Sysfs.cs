using System.Globalization;
using IscsiConnector.Initiator;

namespace IscsiConnector.Linux;

/// <summary>Everything found through sysfs, <c>/dev</c> and <c>/etc/iscsi</c>, without starting a process.</summary>
internal sealed partial class OpenIscsiInitiator
{
    private const string SessionClass = "/sys/class/iscsi_session";
    private const string ConnectionClass = "/sys/class/iscsi_connection";

    // Debian keeps the node database in /etc/iscsi, Red Hat and SUSE in /var/lib/iscsi.
    private static readonly string[] NodeDatabases = ["/etc/iscsi/nodes", "/var/lib/iscsi/nodes"];
    private static readonly string[] SendTargetsDatabases = ["/etc/iscsi/send_targets", "/var/lib/iscsi/send_targets"];

    public Task<IReadOnlyList<InitiatorSession>> GetSessionsAsync(CancellationToken cancellationToken) => ReadSessions(null, cancellationToken);

    // The target name is read first, so an unrelated session costs one sysfs read (scale: issue 15).
    public Task<IReadOnlyList<InitiatorSession>> GetSessionsAsync(IReadOnlyCollection<string> iqns, CancellationToken cancellationToken) => ReadSessions(iqns, cancellationToken);

    private Task<IReadOnlyList<InitiatorSession>> ReadSessions(IReadOnlyCollection<string>? iqns, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sessions = new List<InitiatorSession>();
        foreach (var name in _fs.ListDirectory(SessionClass))
        {
            if (!name.StartsWith("session", StringComparison.Ordinal)
                || !int.TryParse(name.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            var target = Read($"{SessionClass}/{name}/targetname");
            if (target is null || (iqns is not null && !iqns.Contains(target, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            var connection = $"{ConnectionClass}/connection{id}:0";
            var address = Read(connection + "/persistent_address") ?? Read(connection + "/address");
            var portText = Read(connection + "/persistent_port") ?? Read(connection + "/port");
            if (target is null || address is null || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                continue; // a session being torn down loses its attributes first
            }

            sessions.Add(new InitiatorSession(id, new IscsiPortal(address, port), target, Read($"{SessionClass}/{name}/ifacename"), Read($"{SessionClass}/{name}/state")));
        }

        return Task.FromResult<IReadOnlyList<InitiatorSession>>(sessions);
    }

    /// <summary>
    /// The node records of a target in open-iscsi's database. idbm_rec_write: a record with a tpgt (discovery) is
    /// <c>&lt;db&gt;/&lt;iqn&gt;/&lt;address&gt;,&lt;port&gt;,&lt;tpgt&gt;/&lt;iface&gt;</c>; one made with "-o new" and no tpgt (-1) is the plain
    /// file <c>&lt;db&gt;/&lt;iqn&gt;/&lt;address&gt;,&lt;port&gt;</c> ("old style portal as config"). Both forms count, or an
    /// admin's static record would be overwritten and then deleted.
    /// </summary>
    private IEnumerable<(IscsiPortal Portal, string Record, bool IsStatic)> NodeRecords(string iqn)
    {
        foreach (var database in NodeDatabases)
        {
            var target = $"{database}/{iqn}";
            foreach (var entry in _fs.ListDirectory(target))
            {
                var parts = entry.Split(',');
                if (parts.Length is 2 or 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                {
                    yield return (new IscsiPortal(parts[0], port), $"{target}/{entry}", parts.Length == 2);
                }
            }
        }
    }

    public string? FindStableLink(IscsiPath path)
    {
        // udev copies persistent_address verbatim: IPv6 is not bracketed in by-path names.
        var link = string.Create(CultureInfo.InvariantCulture, $"/dev/disk/by-path/ip-{path.Portal.ByPathAddress}-iscsi-{path.Iqn}-lun-{path.ByPathLun}");
        return _fs.Exists(link) ? link : null;
    }

    /// <summary>udevd's control socket: present while udev runs (also in a container that mounts the host's /run).</summary>
    public bool MakesStableLinks => _fs.Exists("/run/udev/control");

    private const string InitiatorNameFile = "/etc/iscsi/initiatorname.iscsi";

    /// <summary>The value of the <c>InitiatorName=</c> line of <c>/etc/iscsi/initiatorname.iscsi</c>, or <see langword="null"/>.</summary>
    internal static string? ParseInitiatorName(string? text)
    {
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("InitiatorName=", StringComparison.Ordinal))
            {
                return trimmed["InitiatorName=".Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>sysfs <c>naa.600…</c> to udev's <c>3600…</c>: the designator type as scsi_id's digit (as os-brick does).</summary>
    internal static string? ToUdevWwn(string? sysfsWwid)
    {
        if (string.IsNullOrEmpty(sysfsWwid) || sysfsWwid.Length <= 4)
        {
            return null;
        }

        var digit = sysfsWwid[..4] switch { "t10." => '1', "eui." => '2', "naa." => '3', _ => '8' };
        return digit + sysfsWwid[4..];
    }

    internal string? ReadWwn(string disk) => ToUdevWwn(Read($"/sys/block/{disk}/device/wwid"));

    internal string? Read(string path, bool trim = true)
    {
        var text = _fs.ReadAllText(path);
        if (text is null)
        {
            return null;
        }

        text = trim ? text.Trim() : text;
        return text.Length == 0 || text == "(null)" ? null : text;
    }
}
