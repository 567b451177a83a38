using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace IscsiConnector.Migration.Internal;

/// <summary>A <c>&lt;disk&gt;</c> of a domain XML, read for the rewrite: type, device, serial, target and source.</summary>
internal sealed class DomainDisk(XElement element)
{
    public XElement Element { get; } = element;

    /// <summary>libvirt's default disk type is <c>file</c>.</summary>
    public string Type => (string?)Element.Attribute("type") ?? "file";

    /// <summary>libvirt's default device is <c>disk</c>.</summary>
    public string Device => (string?)Element.Attribute("device") ?? "disk";

    /// <summary>Whether the disk can be a volume: cdroms and floppies are media, never volumes, and stay untouched.</summary>
    public bool IsVolumeDevice => Device is "disk" or "lun";

    public string? Serial => Element.Element("serial")?.Value.Trim() is { Length: > 0 } serial ? serial : null;

    public string? TargetDev => (string?)Element.Element("target")?.Attribute("dev");

    public XElement? Source => Element.Element("source");

    public string? Protocol => (string?)Source?.Attribute("protocol");

    /// <summary>How error messages name the disk: its target and line.</summary>
    public string Describe()
    {
        var line = ((IXmlLineInfo)Element).HasLineInfo() ? string.Create(CultureInfo.InvariantCulture, $" at line {((IXmlLineInfo)Element).LineNumber}") : string.Empty;
        return $"<disk type='{Type}' device='{Device}'> (target {TargetDev ?? "none"}{line})";
    }

    /// <summary>The network source as <c>&lt;name&gt; on host:port, …</c> for reports.</summary>
    public static string DescribeNetwork(XElement source) =>
        $"{(string?)source.Attribute("name")} on {string.Join(", ", source.Elements("host").Select(DescribeHost))}";

    private static string DescribeHost(XElement host)
    {
        var name = (string?)host.Attribute("name") ?? "?";
        var port = (string?)host.Attribute("port") ?? IscsiPortal.DefaultPort.ToString(CultureInfo.InvariantCulture);
        return name.Contains(':', StringComparison.Ordinal) ? $"[{name}]:{port}" : $"{name}:{port}";
    }
}
