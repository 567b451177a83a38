namespace IscsiConnector.Internal;

/// <summary>Cinder's <c>connection_info</c> key names, in one place so parser, writer and messages agree.</summary>
internal static class ConnectionInfoKeys
{
    public const string ConnectionInfo = "connection_info";
    public const string DriverVolumeType = "driver_volume_type";
    public const string Data = "data";
    public const string TargetPortal = "target_portal";
    public const string TargetIqn = "target_iqn";
    public const string TargetLun = "target_lun";
    public const string TargetPortals = "target_portals";
    public const string TargetIqns = "target_iqns";
    public const string TargetLuns = "target_luns";
    public const string AlternativePortals = "target_alternative_portals";
    public const string AlternativeIqns = "target_alternative_iqns";
    public const string AlternativeLuns = "target_alternative_luns";
    public const string TargetDiscovered = "target_discovered";
    public const string VolumeId = "volume_id";
    public const string AddressingMode = "addressing_mode";
    public const string AuthPrefix = "auth_";
    public const string DiscoveryAuthPrefix = "discovery_auth_";
    public const string Method = "method";
    public const string Username = "username";
    public const string Password = "password";
    public const string UsernameIn = "username_in";
    public const string PasswordIn = "password_in";
    public const string IscsiType = "iscsi";

    /// <summary>Gets the keys the model represents; every other key of <c>data</c> goes to <c>AdditionalData</c>.</summary>
    public static HashSet<string> Modelled { get; } = new(StringComparer.Ordinal)
    {
        TargetPortal, TargetIqn, TargetLun, TargetPortals, TargetIqns, TargetLuns,
        AlternativePortals, AlternativeIqns, AlternativeLuns, TargetDiscovered, VolumeId, AddressingMode,
        AuthPrefix + Method, AuthPrefix + Username, AuthPrefix + Password, AuthPrefix + UsernameIn, AuthPrefix + PasswordIn,
        DiscoveryAuthPrefix + Method, DiscoveryAuthPrefix + Username, DiscoveryAuthPrefix + Password,
        DiscoveryAuthPrefix + UsernameIn, DiscoveryAuthPrefix + PasswordIn,
    };

    /// <summary>
    /// Gets the modelled keys and the other keys Cinder sends with every iSCSI volume, so that reading a
    /// document can take these names from here instead of allocating them again each time.
    /// </summary>
    public static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Known { get; } =
        new HashSet<string>(Modelled.Concat(["encrypted", "qos_specs", "access_mode", "cacheable", "discard", "enforce_multipath"]), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Room for the longest <see cref="Known"/> key (26 characters); a longer one would merely be allocated.</summary>
    public const int MaxKnownLength = 32;
}
