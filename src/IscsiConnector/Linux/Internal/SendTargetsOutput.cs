using System.Globalization;

namespace IscsiConnector.Linux.Internal;

/// <summary>
/// Reads SendTargets answers (<c>127.0.0.1:3260,1 iqn…</c>, IPv6 as <c>[fd00::1]:3260,1 iqn…</c>). Lines
/// that are not target lines (iscsiadm debug noise) are skipped, as os-brick does.
/// </summary>
internal static class SendTargetsOutput
{
    public static IReadOnlyList<IscsiPath> Parse(string output, int lun)
    {
        var result = new List<IscsiPath>();
        foreach (var line in output.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length != 2 || !(fields[1].StartsWith("iqn.", StringComparison.Ordinal) || fields[1].StartsWith("eui.", StringComparison.Ordinal) || fields[1].StartsWith("naa.", StringComparison.Ordinal)))
            {
                continue;
            }

            if (TryParsePortal(fields[0], out var portal))
            {
                result.Add(new IscsiPath(portal, fields[1], lun));
            }
        }

        return result;
    }

    private static bool TryParsePortal(string text, out IscsiPortal portal)
    {
        portal = null!;
        var comma = text.LastIndexOf(',');
        int? tpgt = null;
        if (comma > 0 && long.TryParse(text[(comma + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tag))
        {
            // Records made with "-o new" carry tpgt -1, shown as 4294967295: no real tag.
            tpgt = tag is >= 0 and < int.MaxValue ? (int)tag : null;
            text = text[..comma];
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        portal = new IscsiPortal(host, port, tpgt);
        return host.Length > 0;
    }
}
