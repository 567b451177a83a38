namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>Parses the print-level-1 tree of <c>iscsiadm -m discoverydb -P 1</c>.</summary>
/// <remarks>
/// The layout is <c>SENDTARGETS:</c> / <c>iSNS:</c> / <c>STATIC:</c> / <c>FIRMWARE:</c> sections, each with
/// <c>DiscoveryAddress: host,port</c>, <c>Target: name</c>, <c>Portal: host:port,tpgt</c> and
/// <c>Iface Name: name</c> lines, or <c>No targets found.</c>
/// </remarks>
internal static class DiscoveryTreeParser
{
    private static readonly string[] Sections = ["SENDTARGETS", "iSNS", "STATIC", "FIRMWARE"];

    /// <summary>Parses the standard output.</summary>
    /// <param name="output">The standard output.</param>
    /// <returns>One item per target portal, and any lines that were not understood.</returns>
    public static IscsiAdmParseResult<IscsiDiscoveredTarget> Parse(string? output)
    {
        var items = new List<IscsiDiscoveredTarget>();
        var unparsed = new List<string>();
        var section = string.Empty;
        IscsiPortal? discoveryAddress = null;
        string? target = null;
        foreach (var line in PortalText.Lines(output).Where(l => l.Length > 0))
        {
            if (line.EndsWith(':') && Sections.Contains(line[..^1]))
            {
                (section, discoveryAddress, target) = (line[..^1], null, null);
            }
            else if (line == "No targets found.")
            {
                continue;
            }
            else if (TryValue(line, "DiscoveryAddress:", out var address) && PortalText.TryParse(address, out var parsed, PortalNotation.CommaPort))
            {
                (discoveryAddress, target) = (parsed, null);
            }
            else if (TryValue(line, "Target:", out var name) && PortalText.IsName(name))
            {
                target = name;
            }
            else if (TryValue(line, "Portal:", out var portalText) && target is not null && PortalText.TryParse(portalText, out var portal))
            {
                items.Add(new IscsiDiscoveredTarget(section, discoveryAddress, target, portal, null));
            }
            else if (TryValue(line, "Iface Name:", out var iface) && items.Count > 0 && items[^1].IfaceName is null)
            {
                items[^1] = items[^1] with { IfaceName = PortalText.OrNull(iface) };
            }
            else
            {
                unparsed.Add(line);
            }
        }

        return new IscsiAdmParseResult<IscsiDiscoveredTarget>(items, unparsed);
    }

    private static bool TryValue(string line, string prefix, out string value)
    {
        value = line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..].Trim() : string.Empty;
        return value.Length > 0;
    }
}
