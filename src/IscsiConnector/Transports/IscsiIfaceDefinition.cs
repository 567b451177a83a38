using System.Globalization;
using System.Net;
using IscsiConnector.Internal;

namespace IscsiConnector.Transports;

/// <summary>
/// An iface to create when it does not exist, from the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP"'s 3-tuple (transport name, hardware address,
/// IP address) plus an optional network interface and initiator name.
/// </summary>
/// <remarks>
/// Fields left <see langword="null"/> are not written and not compared: an existing iface with the same name is
/// reused when every field given here matches it, and is an <see cref="IscsiTransportFailureReason.IfaceConflict"/>
/// otherwise (never overwritten). The equivalent commands are
/// <c>iscsiadm -m iface -I &lt;name&gt; -o new</c> then one
/// <c>iscsiadm -m iface -I &lt;name&gt; -o update -n iface.transport_name -v … -n iface.hwaddress -v … …</c>.
/// </remarks>
/// <param name="TransportName">The transport, one of <see cref="IscsiTransports.Known"/> (e.g. <c>cxgb4i</c>).</param>
/// <param name="HardwareAddress">The MAC address (<c>00:07:43:aa:bb:cc</c>); required for offload transports, which open-iscsi binds by it.</param>
public sealed record IscsiIfaceDefinition(string TransportName, string? HardwareAddress)
{
    private const int MaxNameLength = 64; // open-iscsi's ISCSI_MAX_IFACE_LEN is 65 with the terminator
    private const int MaxNetInterfaceLength = 15; // IFNAMSIZ - 1

    /// <summary>Gets the iface name, or <see langword="null"/> for the default <c>&lt;transport&gt;.&lt;hwaddress&gt;</c> (open-iscsi's own naming).</summary>
    public string? Name { get; init; }

    /// <summary>Gets the IP address to bind (<c>iface.ipaddress</c>), or <see langword="null"/>.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Gets the network interface to bind (<c>iface.net_ifacename</c>, e.g. <c>eth1</c>), or <see langword="null"/>.</summary>
    public string? NetInterfaceName { get; init; }

    /// <summary>Gets an initiator name for this iface only (<c>iface.initiatorname</c>), or <see langword="null"/> to use the host's.</summary>
    public string? InitiatorName { get; init; }

    /// <summary>Gets the name the iface gets: <see cref="Name"/>, else <c>&lt;transport&gt;.&lt;hwaddress&gt;</c>, else <c>&lt;transport&gt;.&lt;net interface&gt;</c>.</summary>
    public string EffectiveName =>
        Name ?? (HardwareAddress is not null
            ? $"{TransportName}.{HardwareAddress.ToLowerInvariant()}"
            : $"{TransportName}.{NetInterfaceName}");

    /// <summary>Lists what is wrong with this definition, each as a sentence naming the field.</summary>
    /// <returns>The problems; empty when the definition is usable.</returns>
    public IReadOnlyList<string> GetProblems()
    {
        var problems = new List<string>();
        if (!IscsiTransports.IsKnown(TransportName))
        {
            problems.Add($"TransportName {ValueRules.Show(TransportName ?? string.Empty)} is not a transport open-iscsi supports ({string.Join(", ", IscsiTransports.Known)}).");
        }

        if (HardwareAddress is not null && !IsMacAddress(HardwareAddress))
        {
            problems.Add($"HardwareAddress {ValueRules.Show(HardwareAddress)} is not a MAC address of the form 00:07:43:aa:bb:cc.");
        }
        else if (HardwareAddress is null && IscsiTransports.IsOffload(TransportName))
        {
            problems.Add($"HardwareAddress is required for the offload transport {TransportName}: open-iscsi finds the HBA by it.");
        }
        else if (HardwareAddress is null && NetInterfaceName is null && Name is null)
        {
            problems.Add("Give HardwareAddress, NetInterfaceName or Name: the iface name is made from one of them.");
        }

        if (IpAddress is not null && !IsIpAddress(IpAddress))
        {
            problems.Add($"IpAddress {ValueRules.Show(IpAddress)} is not an IPv4 or IPv6 address (without brackets).");
        }

        if (NetInterfaceName is not null && (ValueRules.ArgumentProblem(NetInterfaceName) ?? FileNameProblem(NetInterfaceName, MaxNetInterfaceLength)) is { } netProblem)
        {
            problems.Add($"NetInterfaceName {ValueRules.Show(NetInterfaceName)} {netProblem}.");
        }

        if (InitiatorName is not null && !IscsiPath.IsValidTargetName(InitiatorName))
        {
            problems.Add($"InitiatorName {ValueRules.Show(InitiatorName)} is not a valid iSCSI name (iqn., eui. or naa.).");
        }

        var name = EffectiveName;
        if ((ValueRules.ArgumentProblem(name) ?? FileNameProblem(name, MaxNameLength)) is { } nameProblem)
        {
            problems.Add($"Name {ValueRules.Show(name)} {nameProblem}.");
        }
        else if (name is IscsiTransports.DefaultIface or IscsiTransports.Iser)
        {
            problems.Add($"Name {ValueRules.Show(name)} is one of open-iscsi's built-in ifaces; pick another name.");
        }

        return problems;
    }

    /// <summary>The <c>-n/-v</c> pairs of the single update that fills a new iface, in open-iscsi's field names.</summary>
    internal IEnumerable<(string Key, string Value)> Settings()
    {
        yield return ("iface.transport_name", TransportName);
        if (HardwareAddress is not null)
        {
            yield return ("iface.hwaddress", HardwareAddress.ToLowerInvariant());
        }

        if (IpAddress is not null)
        {
            yield return ("iface.ipaddress", IpAddress);
        }

        if (NetInterfaceName is not null)
        {
            yield return ("iface.net_ifacename", NetInterfaceName);
        }

        if (InitiatorName is not null)
        {
            yield return ("iface.initiatorname", InitiatorName);
        }
    }

    internal static bool IsMacAddress(string value) =>
        value.Length == 17 && value.Split(':') is { Length: 6 } parts
        && parts.All(p => p.Length == 2 && byte.TryParse(p, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _));

    // Stricter than IPAddress.TryParse, which takes "10" for 0.0.0.10 and accepts brackets.
    internal static bool IsIpAddress(string value) =>
        value.Contains(':', StringComparison.Ordinal)
            ? !value.Contains('[', StringComparison.Ordinal) && IPAddress.TryParse(value, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            : value.Split('.').Length == 4 && IPAddress.TryParse(value, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;

    // iface names and interface names become file names (/etc/iscsi/ifaces/<name>, /sys/class/net/<name>).
    private static string? FileNameProblem(string value, int maxLength) =>
        value.Contains('/', StringComparison.Ordinal) ? "contains '/'"
        : value is "." or ".." ? "is not a usable file name"
        : value.Length > maxLength ? $"is longer than {maxLength} characters"
        : null;
}
