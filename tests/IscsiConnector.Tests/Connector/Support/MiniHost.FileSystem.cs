using System.Globalization;

namespace IscsiConnector.Tests.Connector.Support;

/// <summary>The sysfs, /dev and /etc/iscsi view of the in-memory state, laid out as on Linux 6.1 (HOST-CONTRACT.md).</summary>
internal sealed partial class MiniHost
{
    public bool Exists(string path)
    {
        var (files, dirs, _) = Snapshot();
        return files.ContainsKey(path) || dirs.ContainsKey(path);
    }

    public string? ReadAllText(string path) => Snapshot().Files.GetValueOrDefault(path);

    public IReadOnlyList<string> ListDirectory(string path) =>
        Snapshot().Dirs.TryGetValue(path, out var children) ? children.Order(StringComparer.Ordinal).ToList() : [];

    public string? ResolvePath(string path)
    {
        var (files, dirs, links) = Snapshot();
        if (links.TryGetValue(path, out var target))
        {
            return target;
        }

        return files.ContainsKey(path) || dirs.ContainsKey(path) ? path : null;
    }

    public void WriteAllText(string path, string contents)
    {
        if (SysfsReadOnly)
        {
            throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
        }

        lock (_gate)
        {
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["sys", "class", "scsi_host", var hostName, "scan"])
            {
                var session = Sessions.FirstOrDefault(s => "host" + s.ScsiHost.ToString(CultureInfo.InvariantCulture) == hostName)
                    ?? throw new IOException($"{path}: No such file or directory");
                var fields = contents.Trim().Split(' ');
                if (fields.Length != 3 || fields[2] == "-")
                {
                    throw new IOException("MiniHost only supports scanning one LUN: " + contents);
                }

                ScanLocked(session, int.Parse(fields[2], CultureInfo.InvariantCulture));
                return;
            }

            if (parts is ["sys", "block", var disk, "device", "delete"] && Disks.ContainsKey(disk))
            {
                RemoveDiskLocked(disk);
                return;
            }

            if (parts is ["sys", "block", var rescanned, "device", "rescan"] && Disks.TryGetValue(rescanned, out var d))
            {
                d.Size = d.Session.Target.Luns[d.Lun].Size;
                return;
            }

            throw new IOException($"{path}: Permission denied");
        }
    }

    private (Dictionary<string, string> Files, Dictionary<string, HashSet<string>> Dirs, Dictionary<string, string> Links) Snapshot()
    {
        lock (_gate)
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            var dirs = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var links = new Dictionary<string, string>(StringComparer.Ordinal);

            void Dir(string path)
            {
                // Register the directory and every ancestor, each as a child of its parent.
                while (path.Length > 1)
                {
                    var known = dirs.ContainsKey(path);
                    dirs.TryAdd(path, []);
                    var cut = path.LastIndexOf('/');
                    var parent = cut == 0 ? "/" : path[..cut];
                    dirs.TryAdd(parent, []);
                    dirs[parent].Add(path[(cut + 1)..]);
                    if (known)
                    {
                        return;
                    }

                    path = parent;
                }
            }

            void File(string path, string content)
            {
                var parent = path[..path.LastIndexOf('/')];
                Dir(parent);
                dirs[parent].Add(path[(path.LastIndexOf('/') + 1)..]);
                files[path] = content + "\n";
            }

            File("/etc/iscsi/initiatorname.iscsi", "## DO NOT EDIT\nInitiatorName=" + InitiatorName);
            foreach (var ((host, port, iqn), settings) in Nodes)
            {
                File($"/etc/iscsi/nodes/{iqn}/{host},{port},-1/default", string.Join('\n', settings.Select(kv => $"{kv.Key} = {kv.Value}")));
            }

            foreach (var s in Sessions)
            {
                var session = $"/sys/class/iscsi_session/session{s.Id}";
                File(session + "/targetname", s.Target.Iqn);
                File(session + "/state", "LOGGED_IN");
                File(session + "/ifacename", "default");
                File(session + "/username", "(null)");
                var connection = $"/sys/class/iscsi_connection/connection{s.Id}:0";
                File(connection + "/persistent_address", s.Portal.Host);
                File(connection + "/persistent_port", s.Portal.Port.ToString(CultureInfo.InvariantCulture));
                File(connection + "/address", s.Portal.Host);
                File(connection + "/port", s.Portal.Port.ToString(CultureInfo.InvariantCulture));
                links[session + "/device"] = $"/sys/devices/platform/host{s.ScsiHost}/session{s.Id}";
                File($"/sys/class/scsi_host/host{s.ScsiHost}/scan", string.Empty);
                var h = s.ScsiHost;

                // The target directory and LUN 0 (a controller: no block directory) exist once logged in.
                var target = $"{session}/device/target{h}:0:0";
                File($"{target}/{h}:0:0:0/state", "running");
                foreach (var (lun, name) in s.Disks)
                {
                    var disk = Disks[name];
                    File($"{target}/{h}:0:0:{lun}/state", "running");
                    File($"{target}/{h}:0:0:{lun}/wwid", disk.Wwid);
                    Dir($"{target}/{h}:0:0:{lun}/block/{name}");
                    File($"/sys/block/{name}/size", (disk.Size / 512).ToString(CultureInfo.InvariantCulture));
                    File($"/sys/block/{name}/device/wwid", disk.Wwid);
                    File($"/sys/block/{name}/device/state", "running");
                    File($"/sys/block/{name}/device/delete", string.Empty);
                    File($"/sys/block/{name}/device/rescan", string.Empty);
                    Dir($"/sys/block/{name}/holders");
                    File("/dev/" + name, string.Empty);
                    if (Udev)
                    {
                        File($"/dev/disk/by-path/ip-{s.Portal.Host}:{s.Portal.Port}-iscsi-{s.Target.Iqn}-lun-{lun}", string.Empty);
                    }
                }
            }

            foreach (var map in Maps)
            {
                File($"/sys/block/{map.Device}/size", (map.Size / 512).ToString(CultureInfo.InvariantCulture));
                File($"/sys/block/{map.Device}/dm/name", map.Name);
                File($"/sys/block/{map.Device}/dm/uuid", Uuid(map));
                File("/dev/" + map.Device, string.Empty);
                File("/dev/mapper/" + map.Name, string.Empty);
                foreach (var slave in map.Slaves)
                {
                    Dir($"/sys/block/{map.Device}/slaves/{slave}");
                    Dir($"/sys/block/{slave}/holders/{map.Device}");
                }
            }

            return (files, dirs, links);
        }
    }
}
