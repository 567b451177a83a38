using System.Text.Json;
using IscsiConnector.Internal;

namespace IscsiConnector;

/// <summary>
/// An immutable, validated Cinder-style iSCSI <c>connection_info</c>: the primary path, ordered
/// alternatives for failover (the Cinder spec "Failover to alternative iSCSI portals on login failure"), the multipath portal list (the Cinder spec "Enhance iSCSI multipath support"), CHAP, and every other key
/// kept so that <see cref="ToJson()"/> round-trips. Build one with <see cref="Parse(string)"/>.
/// </summary>
/// <remarks>Never shows a CHAP secret in <see cref="ToString"/>.</remarks>
public sealed partial class ConnectionInfo
{
    /// <summary>Gets the primary path (<c>target_portal</c>, <c>target_iqn</c>, <c>target_lun</c>).</summary>
    public required IscsiPath Primary { get; init; }

    /// <summary>Gets the alternative paths for failover, in the backend's order (<c>target_alternative_*</c>).</summary>
    public IReadOnlyList<IscsiPath> Alternatives { get; init; } = [];

    /// <summary>Gets the paths listed in <c>target_portals</c>/<c>target_iqns</c>/<c>target_luns</c>; empty when absent.</summary>
    public IReadOnlyList<IscsiPath> Portals { get; init; } = [];

    /// <summary>Gets the session CHAP credentials (<c>auth_*</c>), or <see langword="null"/> for none. Apply to every portal.</summary>
    public ChapCredentials? Chap { get; init; }

    /// <summary>Gets the discovery CHAP credentials (<c>discovery_auth_*</c>), or <see langword="null"/> for none.</summary>
    public ChapCredentials? DiscoveryChap { get; init; }

    /// <summary>Gets the <c>volume_id</c>, or <see langword="null"/>.</summary>
    public string? VolumeId { get; init; }

    /// <summary>Gets <c>target_discovered</c>: whether the backend says its targets were discovered already.</summary>
    public bool TargetDiscovered { get; init; }

    /// <summary>Gets the <c>driver_volume_type</c> the document carried (always <c>iscsi</c> when present).</summary>
    public string? DriverVolumeType { get; init; }

    /// <summary>Gets every other key of the <c>data</c> object, kept as-is so that <see cref="ToJson()"/> round-trips
    /// (<c>encrypted</c>, <c>qos_specs</c>, <c>access_mode</c>, <c>discard</c>, unknown keys…).</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalData { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>
    /// Gets the paths in the order a non-multipath attach tries them: the primary, then the alternatives
    /// in the backend's order, then any further <c>target_portals</c> entries (os-brick's plural keys
    /// when multipath is off). Duplicates (same portal address, IQN and LUN) appear once.
    /// </summary>
    public IReadOnlyList<IscsiPath> FailoverOrder => _failoverOrder ??= Distinct([Primary, .. Alternatives, .. Portals]);

    /// <summary>
    /// Gets every path a multipath attach logs into: <c>target_portals</c> when given (the primary is
    /// normally their first entry), otherwise the primary and the alternatives.
    /// </summary>
    public IReadOnlyList<IscsiPath> MultipathPaths => _multipathPaths ??= Portals.Count > 0 ? Distinct([.. Portals, .. Alternatives]) : FailoverOrder;

    // Computed on first use and kept: every property is init-only, so nothing can change after construction.
    private IReadOnlyList<IscsiPath>? _failoverOrder;
    private IReadOnlyList<IscsiPath>? _multipathPaths;

    /// <inheritdoc />
    public override string ToString() =>
        $"ConnectionInfo {{ Primary = {Primary}, Alternatives = {Alternatives.Count}, Portals = {Portals.Count}, Chap = {(Chap is null ? "none" : Chap.ToString())}, VolumeId = {VolumeId ?? "none"} }}";

    private static IReadOnlyList<IscsiPath> Distinct(IscsiPath[] paths)
    {
        var seen = new HashSet<IscsiPath>(paths.Length, PlaceComparer.WithLun);
        var result = new List<IscsiPath>(paths.Length);
        foreach (var path in paths)
        {
            if (seen.Add(path))
            {
                result.Add(path);
            }
        }

        return result.AsReadOnly();
    }
}
