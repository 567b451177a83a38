using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing.Simulation;

public sealed partial class SimulatedIscsiHost
{
    /// <summary>Gets the loaded iSCSI transports, as <c>/sys/class/iscsi_transport</c> lists them (<c>iser</c> and <c>tcp</c> at first).</summary>
    public IReadOnlyList<string> LoadedTransports => Locked(() => (IReadOnlyList<string>)[.. _state.Transports]);

    /// <summary>Adds a network interface: <c>/sys/class/net/&lt;name&gt;/address</c> and, for real hardware, its <c>device/driver</c> link.</summary>
    /// <param name="name">The interface name, e.g. <c>eth2</c>.</param>
    /// <param name="macAddress">Its MAC address, e.g. <c>00:07:43:aa:bb:cc</c>.</param>
    /// <param name="driver">The PCI driver (<c>cxgb4</c>, <c>e1000e</c>…), or <see langword="null"/> for a virtual NIC without one.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">A value is empty, contains whitespace or control characters, or starts with '-'.</exception>
    public SimulatedIscsiHost AddNetworkInterface(string name, string macAddress, string? driver = null)
    {
        Guard.Name(name, nameof(name));
        Guard.Name(macAddress, nameof(macAddress));
        if (driver is not null)
        {
            Guard.Name(driver, nameof(driver));
        }

        lock (_state.Gate)
        {
            _state.Nics[name] = (macAddress, driver);
        }

        return this;
    }

    /// <summary>
    /// Adds an offload iSCSI host (a cxgb4i, bnx2i or qla4xxx function): <c>/sys/class/iscsi_host/hostN/hwaddress</c>
    /// and <c>scsi_host/hostN/proc_name</c>, and loads its transport, so logins and discovery through an iface of that
    /// transport work (without it they fail as captured: login exit 23, discovery exit 11).
    /// </summary>
    /// <param name="hostNumber">The SCSI host number, e.g. 9; keep it above the sessions' hosts (they count from 0).</param>
    /// <param name="macAddress">The function's MAC address (an iface binds to it with <c>iface.hwaddress</c>).</param>
    /// <param name="transport">The transport and driver name, e.g. <c>cxgb4i</c>.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">A value is empty, contains whitespace or control characters, or starts with '-'.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hostNumber"/> is negative.</exception>
    public SimulatedIscsiHost AddOffloadHost(int hostNumber, string macAddress, string transport)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hostNumber);
        Guard.Name(macAddress, nameof(macAddress));
        Guard.Name(transport, nameof(transport));
        lock (_state.Gate)
        {
            _state.OffloadHosts[hostNumber] = (macAddress, transport);
            _state.Transports.Add(transport);
        }

        return this;
    }

    /// <summary>Loads an iSCSI transport module without hardware (<c>/sys/class/iscsi_transport/&lt;name&gt;</c> appears).</summary>
    /// <param name="transport">The transport name, e.g. <c>bnx2i</c>.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The name is empty, contains whitespace or control characters, or starts with '-'.</exception>
    public SimulatedIscsiHost LoadTransport(string transport)
    {
        Guard.Name(transport, nameof(transport));
        lock (_state.Gate)
        {
            _state.Transports.Add(transport);
        }

        return this;
    }

    /// <summary>Unloads an iSCSI transport module (its <c>/sys/class/iscsi_transport</c> entry goes), e.g. <c>tcp</c> for a host where iscsid never ran.</summary>
    /// <param name="transport">The transport name.</param>
    /// <returns>This host.</returns>
    public SimulatedIscsiHost UnloadTransport(string transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        lock (_state.Gate)
        {
            _state.Transports.Remove(transport);
        }

        return this;
    }

    /// <summary>Gets the iface records (built-in <c>default</c> and <c>iser</c> included), sorted by name.</summary>
    public IReadOnlyList<SimulatedIface> Ifaces => Locked(() => (IReadOnlyList<SimulatedIface>)[.. _state.Ifaces.Order(StringComparer.Ordinal).Select(name => new SimulatedIface(
        name,
        _state.IfaceTransports.GetValueOrDefault(name, "tcp"),
        IfaceField(name, "iface.hwaddress"),
        IfaceField(name, "iface.ipaddress"),
        IfaceField(name, "iface.net_ifacename"),
        IfaceField(name, "iface.initiatorname")))]);

    /// <summary>Adds an iface record as an administrator would have made it (<c>iscsiadm -m iface -o new</c> then <c>-o update</c>).</summary>
    /// <param name="name">The iface name, e.g. <c>cxgb4i.00:07:43:aa:bb:cc</c>.</param>
    /// <param name="transport">The transport, e.g. <c>cxgb4i</c>.</param>
    /// <param name="hardwareAddress">The bound MAC address, or <see langword="null"/>.</param>
    /// <param name="ipAddress">The source address, or <see langword="null"/>.</param>
    /// <param name="netInterfaceName">The bound NIC, or <see langword="null"/>.</param>
    /// <param name="initiatorName">An iface-specific initiator name, or <see langword="null"/>.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The name is a built-in iface or already exists, or a value is empty, contains whitespace or control characters, or starts with '-'.</exception>
    public SimulatedIscsiHost WithIface(string name, string transport, string? hardwareAddress = null, string? ipAddress = null, string? netInterfaceName = null, string? initiatorName = null)
    {
        Guard.Name(name, nameof(name));
        Guard.Name(transport, nameof(transport));
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, parameter) in new[]
        {
            ("iface.hwaddress", hardwareAddress, nameof(hardwareAddress)),
            ("iface.ipaddress", ipAddress, nameof(ipAddress)),
            ("iface.net_ifacename", netInterfaceName, nameof(netInterfaceName)),
            ("iface.initiatorname", initiatorName, nameof(initiatorName)),
        })
        {
            if (value is not null)
            {
                Guard.Name(value, parameter);
                fields[key] = value;
            }
        }

        lock (_state.Gate)
        {
            if (_state.Ifaces.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Iface {name} already exists.", nameof(name));
            }

            _state.Ifaces.Add(name);
            _state.IfaceTransports[name] = transport;
            _state.IfaceFields[name] = fields;
        }

        return this;
    }

    private string? IfaceField(string iface, string key) =>
        _state.IfaceFields.TryGetValue(iface, out var fields) && fields.TryGetValue(key, out var value) && value != "<empty>" ? value : null;
}
