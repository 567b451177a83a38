using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace IscsiConnector.Migration.Internal;

/// <summary>Reads and writes a domain XML so that everything not edited comes back as it was: whitespace, comments,
/// processing instructions and attribute order. (Quote characters and entity spellings are not kept: an XML API
/// does not see them; libvirt reads either.)</summary>
internal static class DomainXmlText
{
    public static XDocument Load(string xml)
    {
        // No DTD and no resolver: a domain XML has neither, and external entities are an injection risk.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var document = XDocument.Load(reader, LoadOptions.PreserveWhitespace | LoadOptions.SetLineInfo);
            return document.Root is { Name.LocalName: "domain", Name.NamespaceName: "" }
                ? document
                : throw new LiveMigrationException(
                    LiveMigrationFailure.MalformedDomainXml,
                    $"The domain XML's root element is <{document.Root?.Name.LocalName}>, not <domain>; give the output of 'virsh dumpxml --migratable' (or virDomainGetXMLDesc).");
        }
        catch (XmlException ex)
        {
            throw new LiveMigrationException(LiveMigrationFailure.MalformedDomainXml, $"The domain XML is not well-formed: {ex.Message} Nothing was rewritten.", null, ex);
        }
    }

    /// <summary>Writes the document back with the quote character its root element used (libvirt writes <c>'</c>).</summary>
    public static string Save(XDocument document, char quote)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new XmlTextWriter(text) { Formatting = Formatting.None, QuoteChar = quote })
        {
            if (document.Declaration is { } declaration)
            {
                text.Write(declaration.ToString());
            }

            foreach (var node in document.Nodes())
            {
                node.WriteTo(writer);
            }
        }

        return text.ToString();
    }

    /// <summary>The quote character of the root element's first attribute: <c>'</c> unless the text uses <c>"</c>.</summary>
    public static char QuoteOf(string xml)
    {
        var root = xml.IndexOf("<domain", StringComparison.Ordinal);
        var equals = root < 0 ? -1 : xml.IndexOf('=', root);
        return equals >= 0 && equals + 1 < xml.Length && xml[equals + 1] == '"' ? '"' : '\'';
    }

    /// <summary>The whitespace just before <paramref name="node"/> (its indentation), or <see langword="null"/>.</summary>
    public static string? IndentOf(XNode node) =>
        node.PreviousNode is XText text && string.IsNullOrWhiteSpace(text.Value) ? text.Value : null;

    /// <summary>Removes <paramref name="node"/> and the whitespace that indented it.</summary>
    public static void RemoveWithIndent(XNode node)
    {
        if (node.PreviousNode is XText text && string.IsNullOrWhiteSpace(text.Value))
        {
            text.Remove();
        }

        node.Remove();
    }

    /// <summary>Adds <paramref name="added"/> after <paramref name="anchor"/>, indented like the anchor.</summary>
    public static void AddAfterIndented(XNode anchor, XNode added)
    {
        if (IndentOf(anchor) is { } indent)
        {
            anchor.AddAfterSelf(new XText(indent), added);
        }
        else
        {
            anchor.AddAfterSelf(added);
        }
    }
}
