namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>
/// Parses <c>key = value</c> records: <c>iscsiadm -m node -o show</c>, <c>-m iface -I name -o show</c> and
/// <c>-m discoverydb … -o show</c>.
/// </summary>
/// <remarks>
/// Several records are separated by <c># BEGIN RECORD &lt;version&gt;</c> / <c># END RECORD</c>; output
/// without those markers (one record) is read as one record. Other <c>#</c> lines are comments.
/// </remarks>
internal static class RecordParser
{
    /// <summary>Parses the standard output.</summary>
    /// <param name="output">The standard output.</param>
    /// <returns>The records (empty when there were no settings) and any lines that were not understood.</returns>
    public static IscsiAdmParseResult<IscsiAdmRecord> Parse(string? output)
    {
        var records = new List<IscsiAdmRecord>();
        var unparsed = new List<string>();
        var current = new List<IscsiAdmSetting>();
        foreach (var line in PortalText.Lines(output).Where(l => l.Length > 0))
        {
            if (line.StartsWith("# BEGIN RECORD", StringComparison.Ordinal) || line == "# END RECORD")
            {
                Flush();
            }
            else if (line[0] == '#')
            {
                continue;
            }
            else if (line.IndexOf(" = ", StringComparison.Ordinal) is var eq and > 0 && PortalText.IsName(line[..eq]))
            {
                current.Add(new IscsiAdmSetting(line[..eq], PortalText.OrNull(line[(eq + 3)..].Trim())));
            }
            else if (line.EndsWith(" =", StringComparison.Ordinal) && PortalText.IsName(line[..^2]))
            {
                // Some versions print an empty value as nothing after the '='.
                current.Add(new IscsiAdmSetting(line[..^2], null));
            }
            else
            {
                unparsed.Add(line);
            }
        }

        Flush();
        return new IscsiAdmParseResult<IscsiAdmRecord>(records, unparsed);

        void Flush()
        {
            if (current.Count > 0)
            {
                records.Add(new IscsiAdmRecord(current));
                current = [];
            }
        }
    }
}
