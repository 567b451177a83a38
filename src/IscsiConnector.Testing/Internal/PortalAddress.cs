using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IscsiConnector.Testing.Internal;

/// <summary>A portal as the simulated host keys it: host without brackets and port.</summary>
internal readonly record struct PortalAddress(string Host, int Port)
{
    public bool IsIPv6 => Host.Contains(':', StringComparison.Ordinal);

    /// <summary>Gets <c>127.0.0.1:3260</c> or <c>[fd00::1]:3260</c>, as in <c>iscsiadm -m session</c> lines.</summary>
    public string Bracketed => IsIPv6 ? Invariant($"[{Host}]:{Port}") : Invariant($"{Host}:{Port}");

    /// <summary>Gets <c>127.0.0.1,3260</c>, as in iscsiadm's login and logout messages.</summary>
    public string Comma => Invariant($"{Host},{Port}");

    /// <summary>Gets <c>127.0.0.1:3260</c> unbracketed, as udev writes it into by-path names.</summary>
    public string Plain => Invariant($"{Host}:{Port}");

    /// <summary>
    /// Parses what <c>iscsiadm -p</c> accepts: <c>ip[:port][,tpgt]</c>, <c>[ipv6][:port][,tpgt]</c> and a bare IPv6
    /// address (more than one colon without brackets means no port, as iscsiadm's <c>str_to_ipport</c> does).
    /// </summary>
    public static bool TryParse(string text, out PortalAddress address)
    {
        address = default;
        var value = text.Trim();
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            value = value[..comma];
        }

        string host;
        var port = 3260;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = value[1..close];
            var rest = value[(close + 1)..];
            if (rest.Length > 0 && (!rest.StartsWith(':') || !int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out port)))
            {
                return false;
            }
        }
        else if (value.Count(c => c == ':') > 1)
        {
            host = value;
        }
        else
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? value : value[..colon];
            if (colon >= 0 && !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port))
            {
                return false;
            }
        }

        if (host.Length == 0 || port is < 1 or > 65535)
        {
            return false;
        }

        // Canonical form so that "::1" and "0:0::1" are one portal.
        if (IPAddress.TryParse(host, out var ip))
        {
            host = ip.AddressFamily == AddressFamily.InterNetworkV6 ? ip.ToString() : host;
        }

        address = new PortalAddress(host, port);
        return true;
    }

    public static PortalAddress Parse(string text, string what) =>
        TryParse(text, out var address) ? address : throw new ArgumentException($"{what} '{text}' is not a portal address (ip[:port] or [ipv6][:port]).", nameof(text));

    public override string ToString() => Bracketed;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
