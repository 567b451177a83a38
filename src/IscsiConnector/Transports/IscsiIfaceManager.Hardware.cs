using System.Globalization;
using IscsiConnector.Internal;

namespace IscsiConnector.Transports;

/// <summary>The hardware check: is the iface's address on this host, on hardware that carries its transport.</summary>
public sealed partial class IscsiIfaceManager
{
    private const string NetClass = "/sys/class/net";
    private const string IscsiHostClass = "/sys/class/iscsi_host";

    // Software initiators also create iSCSI hosts (one per session) that may report a bound MAC: they say
    // nothing about offload hardware.
    private static readonly string[] SoftwareHostDrivers = ["iscsi_tcp", "ib_iser"];

    /// <summary>Checks that the iface's hardware exists on this host and matches its transport (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP").</summary>
    /// <param name="iface">The iface, as read by <see cref="ValidateAsync"/>.</param>
    /// <returns>The finding; <see cref="IscsiHardwareCheck.IsUsable"/> says whether to go on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="iface"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Reads sysfs only. Offload transports: an iSCSI host with the address (<c>/sys/class/iscsi_host/hostN/hwaddress</c>)
    /// whose <c>/sys/class/scsi_host/hostN/proc_name</c> is the transport is what open-iscsi itself looks for; failing that,
    /// a NIC with the address (<c>/sys/class/net/*/address</c>) whose driver (<c>device/driver</c> link) carries the
    /// transport means the offload module is not loaded. Software transports: a bound hwaddress or net_ifacename must exist.
    /// </remarks>
    public IscsiHardwareCheck CheckHardware(IscsiIface iface)
    {
        ArgumentNullException.ThrowIfNull(iface);
        var check = iface.IsOffload ? CheckOffload(iface) : CheckSoftware(iface);
        Log.HardwareChecked(_logger, iface.Name, check.Failure?.ToString() ?? "usable", check.Message);
        return check;
    }

    private IscsiHardwareCheck CheckSoftware(IscsiIface iface)
    {
        if (iface.NetInterfaceName is { } netName && !_fs.Exists($"{NetClass}/{netName}"))
        {
            return new(iface.Name, IscsiTransportFailureReason.HardwareNotFound, $"Iface {iface.Name} is bound to network interface {netName}, but {NetClass}/{netName} does not exist.");
        }

        if (iface.HardwareAddress is { } mac)
        {
            var nic = FindNic(mac);
            return nic is null
                ? new(iface.Name, IscsiTransportFailureReason.HardwareNotFound, $"Iface {iface.Name} is bound to hardware address {mac}, but no network interface in {NetClass} has it.")
                : new(iface.Name, null, $"Hardware address {mac} is on {nic}.") { NetInterface = nic, Driver = NicDriver(nic) };
        }

        return new(iface.Name, null, $"Iface {iface.Name} ({iface.TransportName}) is not bound to hardware{(iface.NetInterfaceName is { } n ? $" other than {n}, which exists" : string.Empty)}.") { NetInterface = iface.NetInterfaceName };
    }

    private IscsiHardwareCheck CheckOffload(IscsiIface iface)
    {
        var transport = iface.TransportName!;
        if (iface.HardwareAddress is not { } mac)
        {
            return new(iface.Name, IscsiTransportFailureReason.HardwareNotFound, $"Iface {iface.Name} uses the offload transport {transport} but has no iface.hwaddress: open-iscsi finds the HBA by it. Set iface.hwaddress to the HBA's MAC address.");
        }

        var hosts = FindIscsiHosts(mac).Where(h => h.Driver is null || !SoftwareHostDrivers.Contains(h.Driver, StringComparer.Ordinal)).ToList();
        var nic = FindNic(mac);
        var match = hosts.Find(h => string.Equals(h.Driver, transport, StringComparison.Ordinal));
        if (match is not null)
        {
            return new(iface.Name, null, $"iSCSI host host{match.Number} has hardware address {mac} and is driven by {transport}.") { IscsiHost = match.Number, Driver = match.Driver, NetInterface = nic };
        }

        if (hosts.Count > 0)
        {
            var other = hosts[0];
            return new(iface.Name, IscsiTransportFailureReason.DriverMismatch, $"Hardware address {mac} belongs to iSCSI host host{other.Number}, driven by {other.Driver ?? "an unknown driver"}, not by {transport}. Set iface.transport_name to {other.Driver ?? "that driver's transport"} or use that HBA's own address.") { IscsiHost = other.Number, Driver = other.Driver, NetInterface = nic };
        }

        if (nic is null)
        {
            return new(iface.Name, IscsiTransportFailureReason.HardwareNotFound, $"No network interface ({NetClass}/*/address) and no iSCSI host ({IscsiHostClass}/*/hwaddress) has hardware address {mac}: the {transport} HBA of iface {iface.Name} is not in this host.");
        }

        var driver = NicDriver(nic);
        var expected = IscsiTransports.DriversFor(transport);
        if (driver is null || !expected.Contains(driver, StringComparer.Ordinal))
        {
            return new(iface.Name, IscsiTransportFailureReason.DriverMismatch, $"Hardware address {mac} is on {nic}, driven by {driver ?? "no device driver (a virtual interface)"}; the {transport} transport needs {string.Join(" or ", expected)} hardware.") { NetInterface = nic, Driver = driver };
        }

        return new(iface.Name, IscsiTransportFailureReason.OffloadHostNotFound, $"Hardware address {mac} is on {nic} ({driver}), but no iSCSI host has it, so iscsiadm would fail with \"host not found\" (exit 23). Load the offload module (modprobe {transport}) and check {IscsiHostClass}.") { NetInterface = nic, Driver = driver };
    }

    private string? FindNic(string mac) =>
        _fs.ListDirectory(NetClass).Order(StringComparer.Ordinal)
            .FirstOrDefault(n => string.Equals(_fs.ReadAllText($"{NetClass}/{n}/address")?.Trim(), mac, StringComparison.OrdinalIgnoreCase));

    private string? NicDriver(string nic) => _fs.ResolvePath($"{NetClass}/{nic}/device/driver") is { } link ? Path.GetFileName(link.TrimEnd('/')) : null;

    private List<OffloadHost> FindIscsiHosts(string mac)
    {
        var hosts = new List<OffloadHost>();
        foreach (var name in _fs.ListDirectory(IscsiHostClass).Order(StringComparer.Ordinal))
        {
            if (name.StartsWith("host", StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && string.Equals(_fs.ReadAllText($"{IscsiHostClass}/{name}/hwaddress")?.Trim(), mac, StringComparison.OrdinalIgnoreCase))
            {
                hosts.Add(new OffloadHost(number, _fs.ReadAllText($"/sys/class/scsi_host/{name}/proc_name")?.Trim() is { Length: > 0 } driver ? driver : null));
            }
        }

        return hosts;
    }

    private sealed record OffloadHost(int Number, string? Driver);
}
