namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>Parses <c>iscsiadm -m node</c> and the output of SendTargets discovery: <c>portal,tpgt target</c> per line.</summary>
internal static class NodeListParser
{
    /// <summary>Parses the standard output of <c>iscsiadm -m node</c> or <c>iscsiadm -m discovery -t sendtargets -p …</c>.</summary>
    /// <param name="output">The standard output; <see langword="null"/> or empty gives no items (iscsiadm exits 21 then).</param>
    /// <returns>The node records or discovered targets, and any lines that were not understood.</returns>
    public static IscsiAdmParseResult<IscsiNodeSummary> Parse(string? output) => PortalText.EachLine(output, ParseLine);

    private static IscsiNodeSummary? ParseLine(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 2 && PortalText.TryParse(fields[0], out var portal) && PortalText.IsName(fields[1])
            ? new IscsiNodeSummary(portal, fields[1])
            : null;
    }
}
