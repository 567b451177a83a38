namespace IscsiConnector.Transports;

/// <summary>
/// The iSCSI transports open-iscsi supports (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP"), and which network drivers carry the offload ones.
/// </summary>
/// <remarks>
/// <c>tcp</c> and <c>iser</c> are software transports: any NIC (or RDMA device) will do. The others are
/// offload transports: the iface must name the HBA's hardware address, and open-iscsi finds the HBA by that
/// address under <c>/sys/class/iscsi_host/host*/hwaddress</c>.
/// </remarks>
public static class IscsiTransports
{
    /// <summary>The software TCP transport (<c>iscsi_tcp</c>), used by the built-in <c>default</c> iface.</summary>
    public const string Tcp = "tcp";

    /// <summary>iSCSI over RDMA (<c>ib_iser</c>), used by the built-in <c>iser</c> iface.</summary>
    public const string Iser = "iser";

    /// <summary>The name of open-iscsi's built-in software TCP iface; commands without <c>-I</c> use it.</summary>
    public const string DefaultIface = "default";

    // Offload transport → the network (or HBA) drivers whose hardware it drives. be2iscsi, qedi and qla4xxx HBAs
    // usually show no netdev for their iSCSI function, so their own driver name is accepted as well.
    private static readonly Dictionary<string, string[]> OffloadDrivers = new(StringComparer.Ordinal)
    {
        ["cxgb3i"] = ["cxgb3"],
        ["cxgb4i"] = ["cxgb4"],
        ["qla4xxx"] = ["qla4xxx"],
        ["bnx2i"] = ["bnx2x", "bnx2"],
        ["be2iscsi"] = ["be2net", "be2iscsi"],
        ["qedi"] = ["qede", "qedi"],
        ["ocs"] = ["ocs_fc", "ocs"],
    };

    /// <summary>Gets every transport name open-iscsi accepts in <c>iface.transport_name</c>: tcp, iser, cxgb3i, cxgb4i, qla4xxx, bnx2i, be2iscsi, ocs, qedi.</summary>
    public static IReadOnlyList<string> Known { get; } = [Tcp, Iser, .. OffloadDrivers.Keys];

    /// <summary>Gets a value indicating whether <paramref name="transport"/> is one of <see cref="Known"/> (case-sensitive, as open-iscsi compares).</summary>
    /// <param name="transport">A transport name, e.g. <c>cxgb4i</c>.</param>
    /// <returns><see langword="true"/> for a known transport.</returns>
    public static bool IsKnown(string? transport) => transport is not null && Known.Contains(transport, StringComparer.Ordinal);

    /// <summary>Gets a value indicating whether <paramref name="transport"/> is a hardware offload transport (not tcp, not iser).</summary>
    /// <param name="transport">A transport name.</param>
    /// <returns><see langword="true"/> for cxgb3i, cxgb4i, qla4xxx, bnx2i, be2iscsi, ocs and qedi.</returns>
    public static bool IsOffload(string? transport) => transport is not null && OffloadDrivers.ContainsKey(transport);

    /// <summary>Gets the kernel drivers (<c>/sys/class/net/&lt;if&gt;/device/driver</c> basenames) that carry an offload transport.</summary>
    /// <param name="transport">A transport name.</param>
    /// <returns>The driver names, or an empty list for software or unknown transports.</returns>
    public static IReadOnlyList<string> DriversFor(string? transport) =>
        transport is not null && OffloadDrivers.TryGetValue(transport, out var drivers) ? drivers : [];
}
