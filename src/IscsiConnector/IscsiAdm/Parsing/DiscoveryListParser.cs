namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>Parses <c>iscsiadm -m discovery</c> / <c>-m discoverydb</c> at print level 0: the stored discovery records.</summary>
public static class DiscoveryListParser
{
    /// <summary>Parses lines of the form <c>address:port via type</c>.</summary>
    /// <param name="output">The standard output.</param>
    /// <returns>The discovery records and any lines that were not understood.</returns>
    public static IscsiAdmParseResult<IscsiDiscoveryRecordSummary> Parse(string? output)
    {
        var items = new List<IscsiDiscoveryRecordSummary>();
        var unparsed = new List<string>();
        foreach (var line in PortalText.Lines(output).Where(l => l.Length > 0))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 3 && fields[1] == "via" && PortalText.TryParse(fields[0], out var portal, PortalNotation.BareColon) && PortalText.IsName(fields[2]))
            {
                items.Add(new IscsiDiscoveryRecordSummary(portal, fields[2]));
            }
            else
            {
                unparsed.Add(line);
            }
        }

        return new IscsiAdmParseResult<IscsiDiscoveryRecordSummary>(items, unparsed);
    }
}
