using System.Globalization;
using System.Text.RegularExpressions;

namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>Parses <c>iscsiadm -m session</c> (print level 0).</summary>
/// <remarks>
/// Unlike os-brick's pattern, bracketed IPv6 portals (<c>[fd00::1]:3260,1</c>) and <c>eui.</c>/<c>naa.</c>
/// target names are kept. With no sessions iscsiadm exits 21 and prints nothing on standard output,
/// which parses to an empty list.
/// </remarks>
internal static partial class SessionListParser
{
    /// <summary>Parses the standard output of <c>iscsiadm -m session</c>.</summary>
    /// <param name="output">The standard output; <see langword="null"/> or empty gives no items.</param>
    /// <returns>The sessions and any lines that were not understood.</returns>
    public static IscsiAdmParseResult<IscsiSessionSummary> Parse(string? output) => PortalText.EachLine(output, ParseLine);

    private static IscsiSessionSummary? ParseLine(string line)
    {
        var match = LinePattern().Match(line);
        if (!match.Success
            || !int.TryParse(match.Groups["sid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var sid)
            || !PortalText.TryParse(match.Groups["portal"].Value, out var portal)
            || !PortalText.IsName(match.Groups["target"].Value))
        {
            return null;
        }

        bool? flash = match.Groups["flash"].Success ? match.Groups["flash"].Value == "flash" : null;
        return new IscsiSessionSummary(match.Groups["transport"].Value, sid, portal, match.Groups["target"].Value, flash);
    }

    [GeneratedRegex(@"^(?<transport>[\w.-]+):\s+\[(?<sid>\d+)\]\s+(?<portal>\S+)\s+(?<target>\S+)(?:\s+\((?<flash>flash|non-flash)\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();
}
