using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IscsiConnector;

/// <summary>
/// An iSCSI portal: host (IPv4, IPv6 or DNS name), TCP port and, optionally, the target portal group
/// tag that followed a comma (<c>10.0.0.1:3260,1</c>). The tag is kept but is not part of the address.
/// </summary>
/// <param name="Host">The address or host name, without IPv6 brackets.</param>
/// <param name="Port">The TCP port (1–65535). The default value is 3260.</param>
/// <param name="Tpgt">The target portal group tag, or <see langword="null"/> when none was given.</param>
public sealed partial record IscsiPortal(string Host, int Port = IscsiPortal.DefaultPort, int? Tpgt = null)
{
    /// <summary>The IANA port for iSCSI.</summary>
    public const int DefaultPort = 3260;

    // Host parsed once as an IP address (null for a host name): SameAddressAs runs in the duplicate
    // checks and IsIPv6 on every Address. Derived from the host alone, so record equality is unchanged.
    private readonly string _host = Host;
    private readonly IPAddress? _ip = ParseIp(Host);

    /// <summary>Gets the address or host name, without IPv6 brackets.</summary>
    public string Host
    {
        get => _host;
        init
        {
            _host = value;
            _ip = ParseIp(value);
        }
    }

    /// <summary>Gets a value indicating whether <see cref="Host"/> is an IPv6 literal.</summary>
    public bool IsIPv6 => _ip?.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>Gets the address as <c>iscsiadm -p</c> wants it: <c>host:port</c>, with IPv6 bracketed (<c>[fd00::1]:3260</c>).</summary>
    public string Address => IsIPv6
        ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    /// <summary>
    /// Gets the address as udev writes it into <c>/dev/disk/by-path</c> names
    /// (<c>ip-&lt;address&gt;:&lt;port&gt;-iscsi-…</c>): IPv6 is <em>not</em> bracketed there, because udev
    /// copies the kernel's <c>persistent_address</c> verbatim.
    /// </summary>
    public string ByPathAddress => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    /// <summary>Gets a value indicating whether two portals name the same address (ignoring the tag; host names case-insensitively).</summary>
    /// <param name="other">The other portal.</param>
    /// <returns><see langword="true"/> when host and port agree.</returns>
    public bool SameAddressAs(IscsiPortal other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Port != other.Port)
        {
            return false;
        }

        if (_ip is { } a && other._ip is { } b)
        {
            return a.Equals(b);
        }

        return string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A hash code that agrees with <see cref="SameAddressAs"/>, for hashed duplicate checks.</summary>
    /// <remarks>Whether a host parses as an IP address does not depend on its letter case, so two hosts that
    /// <see cref="SameAddressAs"/> compares as text are either both addresses or both names.</remarks>
    internal int AddressHashCode() =>
        HashCode.Combine(Port, _ip is { } ip ? ip.GetHashCode() : StringComparer.OrdinalIgnoreCase.GetHashCode(Host));

    /// <inheritdoc />
    public override string ToString() =>
        Tpgt is { } tag ? string.Create(CultureInfo.InvariantCulture, $"{Address},{tag}") : Address;

    private static IPAddress? ParseIp(string? host) => IPAddress.TryParse(host, out var address) ? address : null;
}
