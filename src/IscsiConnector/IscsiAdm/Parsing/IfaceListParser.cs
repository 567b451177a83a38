namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>Parses <c>iscsiadm -m iface</c> (print level 0).</summary>
internal static class IfaceListParser
{
    /// <summary>Parses the standard output.</summary>
    /// <param name="output">The standard output.</param>
    /// <returns>The ifaces and any lines that were not understood.</returns>
    public static IscsiAdmParseResult<IscsiIfaceSummary> Parse(string? output) => PortalText.EachLine(output, ParseLine);

    private static IscsiIfaceSummary? ParseLine(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var fields = space > 0 ? line[(space + 1)..].Trim().Split(',') : [];

        // An IPv6 address in the third field has no commas, so five fields is exact.
        return fields.Length == 5 && fields[0].Length > 0 && PortalText.IsName(line[..space])
            ? new IscsiIfaceSummary(
                line[..space],
                fields[0],
                PortalText.OrNull(fields[1]),
                PortalText.OrNull(fields[2]),
                PortalText.OrNull(fields[3]),
                PortalText.OrNull(fields[4]))
            : null;
    }
}
