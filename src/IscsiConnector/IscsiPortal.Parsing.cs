using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using IscsiConnector.Internal;

namespace IscsiConnector;

public sealed partial record IscsiPortal
{
    /// <summary>The largest target portal group tag (a 16-bit field, RFC 3720 §12.3).</summary>
    public const int MaxTpgt = 65535;

    /// <summary>
    /// Parses a portal as Cinder and <c>iscsiadm</c> write it: <c>ip</c>, <c>ip:port</c>, <c>[ipv6]</c>,
    /// <c>[ipv6]:port</c>, <c>hostname[:port]</c>, each optionally followed by <c>,tpgt</c>.
    /// </summary>
    /// <param name="text">The portal text, e.g. <c>10.0.0.1:3260,1</c>.</param>
    /// <returns>The portal; the port defaults to <see cref="DefaultPort"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a valid portal; the message says why.</exception>
    public static IscsiPortal Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var portal, out var problem) ? portal : throw new FormatException($"Portal {ValueRules.Show(text)} {problem}.");
    }

    /// <summary>Tries to parse a portal; see <see cref="Parse(string)"/> for the accepted forms.</summary>
    /// <param name="text">The portal text.</param>
    /// <param name="portal">The portal, or <see langword="null"/> when the text is not valid.</param>
    /// <returns><see langword="true"/> when the text is a valid portal.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out IscsiPortal? portal) =>
        TryParse(text ?? string.Empty, out portal, out _);

    /// <summary>Parses a portal, returning a sentence fragment ("has port 0; expected …") on failure.</summary>
    internal static bool TryParse(string text, [NotNullWhen(true)] out IscsiPortal? portal, [NotNullWhen(false)] out string? problem)
    {
        portal = null;
        problem = ValueRules.ArgumentProblem(text);
        if (problem is not null)
        {
            return false;
        }

        int? tpgt = null;
        var address = text;
        var comma = text.LastIndexOf(',');
        if (comma >= 0)
        {
            if (!TryNumber(text.AsSpan(comma + 1), 0, MaxTpgt, out var tag))
            {
                problem = $"has a portal group tag after ',' that is not a number 0…{MaxTpgt}";
                return false;
            }

            tpgt = tag;
            address = text[..comma];
        }

        if (!SplitHostPort(address, out var host, out var portText, out problem))
        {
            return false;
        }

        var port = DefaultPort;
        if (portText is not null && !TryNumber(portText.AsSpan(), 1, 65535, out port))
        {
            problem = $"has port {ValueRules.Show(portText)}; expected a number 1…65535";
            return false;
        }

        problem = HostRules.Problem(host);
        if (problem is not null)
        {
            return false;
        }

        portal = new IscsiPortal(host, port, tpgt);
        return true;
    }

    private static bool SplitHostPort(string address, out string host, out string? port, [NotNullWhen(false)] out string? problem)
    {
        host = address;
        port = null;
        problem = null;
        if (address.StartsWith('['))
        {
            var close = address.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < address.Length && address[close + 1] != ':'))
            {
                problem = "has an IPv6 address without a matching ']' before the port; expected [fd00::1]:3260";
                return false;
            }

            host = address[1..close];
            port = close + 1 < address.Length ? address[(close + 2)..] : null;
            if (!host.Contains(':', StringComparison.Ordinal))
            {
                problem = "has brackets around something that is not an IPv6 address";
                return false;
            }

            return true;
        }

        var colon = address.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && address.IndexOf(':', colon + 1) >= 0)
        {
            problem = "looks like an IPv6 address without brackets; write it as [address]:port, e.g. [fd00::1]:3260";
            return false;
        }

        if (colon >= 0)
        {
            host = address[..colon];
            port = address[(colon + 1)..];
        }

        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, int min, int max, out int value)
    {
        value = 0;
        return text.Length is > 0 and <= 5 && !text.ContainsAnyExcept("0123456789")
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
