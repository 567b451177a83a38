using System.Globalization;
using System.Xml.Linq;

namespace IscsiConnector.Migration.Internal;

/// <summary>
/// Points a <c>&lt;source protocol='iscsi'&gt;</c> at another target (spec 003, EX3): the name, every
/// <c>&lt;host&gt;</c>, the <c>&lt;auth&gt;</c> (in the source, or in the disk as libvirt before 3.9 wrote it) and,
/// when given, the initiator name. Other children and attributes stay where they are.
/// </summary>
internal static class NetworkSourceEditor
{
    public static void Apply(XElement disk, XElement source, IscsiNetworkSource destination)
    {
        source.SetAttributeValue("name", destination.Name);
        ReplaceHosts(source, destination.Host);
        ReplaceAuth(disk, source, destination.Auth);
        if (destination.InitiatorIqn is { } initiator)
        {
            SetInitiator(source, initiator);
        }
    }

    /// <summary>The <c>&lt;host&gt;</c> element libvirt writes: the name bare (IPv6 without brackets), the port always.</summary>
    public static XElement Host(IscsiPortal portal) =>
        new("host", new XAttribute("name", portal.Host), new XAttribute("port", portal.Port.ToString(CultureInfo.InvariantCulture)));

    /// <summary><c>&lt;auth username&gt;&lt;secret type='iscsi' usage|uuid/&gt;&lt;/auth&gt;</c>.</summary>
    public static XElement Auth(IscsiSecretReference auth) =>
        new("auth", new XAttribute("username", auth.Username), Secret(new XElement("secret"), auth));

    private static void ReplaceHosts(XElement source, IscsiPortal host)
    {
        // The new host takes the place (and indentation) of the first old one; any others go with their indentation.
        var old = source.Elements("host").ToList();
        if (old.Count == 0)
        {
            source.AddFirst(Host(host));
            return;
        }

        old[0].ReplaceWith(Host(host));
        foreach (var extra in old.Skip(1))
        {
            DomainXmlText.RemoveWithIndent(extra);
        }
    }

    private static void ReplaceAuth(XElement disk, XElement source, IscsiSecretReference? auth)
    {
        var existing = source.Element("auth") ?? disk.Element("auth");
        if (auth is null)
        {
            if (existing is not null)
            {
                DomainXmlText.RemoveWithIndent(existing);
            }

            return;
        }

        if (existing is null)
        {
            DomainXmlText.AddAfterIndented(source.Elements("host").Last(), Auth(auth));
            return;
        }

        existing.SetAttributeValue("username", auth.Username);
        var secret = existing.Element("secret");
        if (secret is null)
        {
            existing.Add(Secret(new XElement("secret"), auth));
        }
        else
        {
            Secret(secret, auth);
        }
    }

    private static XElement Secret(XElement secret, IscsiSecretReference auth)
    {
        secret.SetAttributeValue("type", IscsiSecretReference.SecretType);
        secret.SetAttributeValue("usage", auth.Usage);
        secret.SetAttributeValue("uuid", auth.Uuid?.ToString("D"));
        return secret;
    }

    private static void SetInitiator(XElement source, string initiator)
    {
        if (source.Element("initiator")?.Element("iqn") is { } iqn)
        {
            iqn.SetAttributeValue("name", initiator);
            return;
        }

        var element = new XElement("initiator", new XElement("iqn", new XAttribute("name", initiator)));
        if (source.Element("initiator") is { } empty)
        {
            empty.ReplaceWith(element);
        }
        else
        {
            DomainXmlText.AddAfterIndented(source.Elements().Last(), element);
        }
    }
}
