using System.Globalization;

namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>Reads the portal notations iscsiadm prints. IPv6 is bracketed when followed by a port.</summary>
internal static class PortalText
{
    /// <summary>The text iscsiadm prints for an empty value.</summary>
    public const string Empty = "<empty>";

    /// <summary>
    /// Parses <c>host:port</c>, <c>host:port,tpgt</c> and <c>[v6]:port,tpgt</c>. With <see cref="PortalNotation.CommaPort"/>
    /// it reads <c>host,port</c> (<c>DiscoveryAddress: 10.0.0.1,3260</c>); with <see cref="PortalNotation.BareColon"/>
    /// it also accepts an unbracketed IPv6 host before the last colon (<c>fd00::1:3260 via sendtargets</c>).
    /// A tag of -1 or 4294967295 (a record made with <c>-o new</c>, tag unknown) becomes <see langword="null"/>.
    /// </summary>
    public static bool TryParse(string text, out IscsiPortal portal, PortalNotation notation = PortalNotation.Bracketed)
    {
        portal = null!;
        if (string.IsNullOrEmpty(text) || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        string host;
        string rest;
        if (text[0] == '[')
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 2 || close + 1 >= text.Length || text[close + 1] != ':')
            {
                return false;
            }

            host = text[1..close];
            rest = text[(close + 2)..];
        }
        else if (notation == PortalNotation.CommaPort)
        {
            // "addr,port": IPv6 is printed bare here, so split on the last comma.
            var comma = text.LastIndexOf(',');
            if (comma < 1)
            {
                return false;
            }

            host = text[..comma];
            rest = text[(comma + 1)..];
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon < 1 || (notation != PortalNotation.BareColon && text.IndexOf(':', StringComparison.Ordinal) != colon))
            {
                return false;
            }

            host = text[..colon];
            rest = text[(colon + 1)..];
        }

        var parts = rest.Split(',');
        if (parts.Length > 2 || !TryParsePort(parts[0], out var port))
        {
            return false;
        }

        int? tag = null;
        if (parts.Length == 2)
        {
            if (!long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rawTag))
            {
                return false;
            }

            tag = rawTag is >= 0 and <= int.MaxValue ? (int)rawTag : null;
        }

        portal = new IscsiPortal(host, port, tag);
        return true;
    }

    /// <summary>Maps iscsiadm's <c>&lt;empty&gt;</c> to <see langword="null"/>.</summary>
    public static string? OrNull(string value) => value.Length == 0 || value == Empty ? null : value;

    /// <summary>Splits output into trimmed lines, tolerating CRLF.</summary>
    public static IEnumerable<string> Lines(string? output) =>
        (output ?? string.Empty).Split('\n').Select(l => l.Trim());

    /// <summary>Runs a one-line parser over every non-blank line; lines it returns <see langword="null"/> for are reported.</summary>
    public static IscsiAdmParseResult<T> EachLine<T>(string? output, Func<string, T?> parseLine)
        where T : class
    {
        var items = new List<T>();
        var unparsed = new List<string>();
        foreach (var line in Lines(output).Where(l => l.Length > 0))
        {
            if (parseLine(line) is { } item)
            {
                items.Add(item);
            }
            else
            {
                unparsed.Add(line);
            }
        }

        return new IscsiAdmParseResult<T>(items, unparsed);
    }

    /// <summary>Gets a value indicating whether a token can be a target or initiator name (no whitespace, not empty).</summary>
    public static bool IsName(string token) => token.Length > 0 && !token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;
}
