using System.Globalization;

namespace IscsiConnector.Testing.Internal;

/// <summary>
/// The hardware part of sysfs the transport checks read, laid out as Linux 6.1 does: loaded iSCSI transports
/// (<c>/sys/class/iscsi_transport/&lt;name&gt;</c>), NICs (<c>/sys/class/net/&lt;nic&gt;/address</c> and a
/// <c>device/driver</c> link for real hardware) and offload iSCSI hosts (<c>iscsi_host/hostN/hwaddress</c>,
/// <c>scsi_host/hostN/proc_name</c>).
/// </summary>
internal static class HardwareProjection
{
    public static void Add(VirtualTree tree, HostState state)
    {
        tree.Directory("/sys/class/iscsi_transport");
        tree.Directory("/sys/class/net");
        foreach (var transport in state.Transports)
        {
            tree.Directory("/sys/class/iscsi_transport/" + transport);
            tree.File($"/sys/class/iscsi_transport/{transport}/handle", "1\n");
        }

        foreach (var (name, (mac, driver)) in state.Nics)
        {
            tree.File($"/sys/class/net/{name}/address", mac + "\n");
            if (driver is not null)
            {
                tree.Directory("/sys/bus/pci/drivers/" + driver);
                tree.Link($"/sys/class/net/{name}/device/driver", "/sys/bus/pci/drivers/" + driver);
            }
        }

        foreach (var (number, (mac, driver)) in state.OffloadHosts)
        {
            var host = string.Create(CultureInfo.InvariantCulture, $"host{number}");
            tree.File($"/sys/devices/pci0000:00/{host}/iscsi_host/{host}/hwaddress", mac + "\n");
            tree.File($"/sys/devices/pci0000:00/{host}/scsi_host/{host}/proc_name", driver + "\n");
            tree.Link("/sys/class/iscsi_host/" + host, $"/sys/devices/pci0000:00/{host}/iscsi_host/{host}");
            tree.Link("/sys/class/scsi_host/" + host, $"/sys/devices/pci0000:00/{host}/scsi_host/{host}");
        }
    }
}
