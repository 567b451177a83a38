using System.Xml.Linq;

namespace IscsiConnector.Migration.Internal;

/// <summary>The libvirt <c>&lt;disk type='network'&gt;</c> element for a libiscsi source, as Nova's LibvirtNetVolumeDriver writes it.</summary>
internal static class LibiscsiDiskXml
{
    public static string Create(IscsiNetworkSource source, string targetDev, string targetBus, string? serial)
    {
        var sourceElement = new XElement(
            "source",
            new XAttribute("protocol", "iscsi"),
            new XAttribute("name", source.Name),
            NetworkSourceEditor.Host(source.Host));
        if (source.Auth is { } auth)
        {
            sourceElement.Add(NetworkSourceEditor.Auth(auth));
        }

        if (source.InitiatorIqn is { } initiator)
        {
            sourceElement.Add(new XElement("initiator", new XElement("iqn", new XAttribute("name", initiator))));
        }

        var disk = new XElement(
            "disk",
            new XAttribute("type", "network"),
            new XAttribute("device", "disk"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "raw"), new XAttribute("cache", "none")),
            sourceElement,
            new XElement("target", new XAttribute("dev", targetDev), new XAttribute("bus", targetBus)));
        if (serial is not null)
        {
            disk.Add(new XElement("serial", serial));
        }

        return disk.ToString();
    }
}
