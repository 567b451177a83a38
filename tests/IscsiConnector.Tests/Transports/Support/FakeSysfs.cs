using IscsiConnector.Host;

namespace IscsiConnector.Tests.Transports.Support;

/// <summary>
/// An in-memory sysfs for the hardware check: files, directories and symbolic links by absolute path, with
/// helpers that lay out NICs, iSCSI hosts and transports the way Linux 6.1 does.
/// </summary>
internal sealed class FakeSysfs : IHostFileSystem
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    /// <summary>A NIC: <c>/sys/class/net/&lt;name&gt;/address</c> and, for real hardware, a <c>device/driver</c> link to the PCI driver.</summary>
    public FakeSysfs AddNic(string name, string mac, string? driver)
    {
        File($"/sys/class/net/{name}/address", mac + "\n");
        if (driver is not null)
        {
            _links[$"/sys/class/net/{name}/device/driver"] = $"/sys/bus/pci/drivers/{driver}";
            Directory($"/sys/bus/pci/drivers/{driver}");
        }

        return this;
    }

    /// <summary>An iSCSI host: <c>/sys/class/iscsi_host/hostN/hwaddress</c> and the SCSI host's <c>proc_name</c> (its driver).</summary>
    public FakeSysfs AddIscsiHost(int number, string mac, string procName)
    {
        File($"/sys/class/iscsi_host/host{number}/hwaddress", mac + "\n");
        File($"/sys/class/scsi_host/host{number}/proc_name", procName + "\n");
        return this;
    }

    /// <summary>A loaded transport: <c>/sys/class/iscsi_transport/&lt;name&gt;</c>.</summary>
    public FakeSysfs AddTransport(string name)
    {
        Directory($"/sys/class/iscsi_transport/{name}");
        return this;
    }

    /// <summary>Any other file, e.g. a node record under <c>/etc/iscsi/nodes</c>.</summary>
    public FakeSysfs WithFile(string path, string content)
    {
        File(path, content);
        return this;
    }

    public bool Exists(string path) => _files.ContainsKey(path) || _directories.Contains(path) || _links.ContainsKey(path);

    public string? ReadAllText(string path) => _files.GetValueOrDefault(path);

    public void WriteAllText(string path, string contents) => throw new IOException($"FakeSysfs is read-only ({path}).");

    public IReadOnlyList<string> ListDirectory(string path)
    {
        var prefix = path.TrimEnd('/') + "/";
        return _files.Keys.Concat(_directories).Concat(_links.Keys)
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p => p[prefix.Length..].Split('/')[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public string? ResolvePath(string path) => _links.TryGetValue(path, out var target) ? target : Exists(path) ? path : null;

    private void File(string path, string content)
    {
        _files[path] = content;
        for (var parent = Path.GetDirectoryName(path); parent is not null && parent != "/"; parent = Path.GetDirectoryName(parent))
        {
            _directories.Add(parent);
        }
    }

    private void Directory(string path) => File(path + "/.keep", string.Empty);
}
