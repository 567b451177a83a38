using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace IscsiConnector.Internal;

/// <summary>Syntax of a portal host: an IPv4 dotted quad, an IPv6 literal (stored without brackets) or a DNS name (RFC 1123).</summary>
internal static class HostRules
{
    private const int MaxHostName = 253;
    private const int MaxLabel = 63;
    private static readonly SearchValues<char> LabelCharacters =
        SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Returns what is wrong with <paramref name="host"/>, or <see langword="null"/>.</summary>
    public static string? Problem(string host)
    {
        if (ValueRules.ArgumentProblem(host) is { } basic)
        {
            return "has a host that " + basic;
        }

        if (host.Contains(':', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(host, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                ? null : "has a host that is not a valid IPv6 address";
        }

        // All digits and dots: an IPv4 address, never a host name. IPAddress.TryParse alone would accept
        // "10.1" or octal "010.0.0.1", which inet_aton reads differently from what the user meant.
        if (!host.AsSpan().ContainsAnyExcept("0123456789."))
        {
            return IsDottedQuad(host) ? null : "has a host that is not a valid IPv4 address (expected four numbers 0…255 without leading zeros)";
        }

        return IsHostName(host) ? null : "has a host that is neither an IP address nor a valid DNS name (letters, digits, '-' and '.', labels up to 63 characters)";
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> host)
    {
        var parts = 0;
        foreach (var range in host.Split('.'))
        {
            var p = host[range];
            if (++parts > 4 || p.Length is < 1 or > 3 || (p.Length > 1 && p[0] == '0')
                || int.Parse(p, provider: System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return parts == 4;
    }

    private static bool IsHostName(ReadOnlySpan<char> host)
    {
        var name = host.EndsWith('.') ? host[..^1] : host;
        if (name.Length is 0 or > MaxHostName)
        {
            return false;
        }

        foreach (var range in name.Split('.'))
        {
            var label = name[range];
            if (label.Length is 0 or > MaxLabel || label[0] == '-' || label[^1] == '-' || label.ContainsAnyExcept(LabelCharacters))
            {
                return false;
            }
        }

        return true;
    }
}
