namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>Parses <c>iscsiadm -m discovery</c> / <c>-m discoverydb</c> at print level 0: the stored discovery records.</summary>
internal static class DiscoveryListParser
{
    /// <summary>Parses lines of the form <c>address:port via type</c>.</summary>
    /// <param name="output">The standard output.</param>
    /// <returns>The discovery records and any lines that were not understood.</returns>
    public static IscsiAdmParseResult<IscsiDiscoveryRecordSummary> Parse(string? output) => PortalText.EachLine(output, ParseLine);

    private static IscsiDiscoveryRecordSummary? ParseLine(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 3 && fields[1] == "via" && PortalText.TryParse(fields[0], out var portal, PortalNotation.BareColon) && PortalText.IsName(fields[2])
            ? new IscsiDiscoveryRecordSummary(portal, fields[2])
            : null;
    }
}
