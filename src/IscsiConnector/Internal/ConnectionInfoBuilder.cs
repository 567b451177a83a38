using System.Globalization;
using static IscsiConnector.Internal.ConnectionInfoKeys;

namespace IscsiConnector.Internal;

/// <summary>
/// Turns the keys of a <c>data</c> object into a <see cref="ConnectionInfo"/>, applying the fallback rules
/// (missing IQN/LUN lists borrow the single value) and checking every value under its own key.
/// </summary>
internal static class ConnectionInfoBuilder
{
    public static ConnectionInfo Build(DataReader data, string? driverVolumeType)
    {
        var iqn = Iqn(data.String(TargetIqn), TargetIqn);
        var lun = data.Lun(TargetLun);
        var portals = Paths(data, TargetPortals, TargetIqns, TargetLuns, iqn, lun);

        IscsiPath primary;
        if (data.String(TargetPortal) is { } portalText)
        {
            var portal = Portal(portalText, TargetPortal);

            // With only target_portal and the plural lists, the primary's IQN/LUN come from its entry in them.
            var match = FirstAt(portals, portal);
            primary = new IscsiPath(
                portal,
                iqn ?? match?.Iqn ?? throw new ConnectionInfoException(TargetIqn, "is missing; expected the target's name, e.g. \"iqn.2010-10.org.openstack:volume-1\"."),
                lun ?? match?.Lun ?? 0);
        }
        else
        {
            primary = portals?[0] ?? throw new ConnectionInfoException(TargetPortal, "is missing; expected target_portal (e.g. \"10.0.0.1:3260\") or a target_portals list.");
        }

        var alternatives = Paths(data, AlternativePortals, AlternativeIqns, AlternativeLuns, primary.Iqn, primary.Lun);
        var addressing = LunAddressingNames.Read(data.String(AddressingMode));
        return new ConnectionInfo
        {
            Primary = primary with { Addressing = addressing },
            Alternatives = LunAddressingNames.Apply(alternatives, addressing),
            Portals = LunAddressingNames.Apply(portals, addressing),
            Chap = ChapReader.Read(data, AuthPrefix),
            DiscoveryChap = ChapReader.Read(data, DiscoveryAuthPrefix),
            VolumeId = data.String(VolumeId),
            TargetDiscovered = data.Bool(TargetDiscovered),
            DriverVolumeType = driverVolumeType,
            AdditionalData = data.Unmodelled().AsReadOnly(),
        }.ValidateRelations();
    }

    /// <summary>Parses a portal found under <paramref name="key"/>, or under its entry <paramref name="index"/> when that is not negative.</summary>
    internal static IscsiPortal Portal(string text, string key, int index = -1) =>
        IscsiPortal.TryParse(text, out var portal, out var problem) ? portal : throw new ConnectionInfoException(KeyOf(key, index), $"{ValueRules.Show(text)} {problem}.");

    /// <summary>Checks a target name found under <paramref name="key"/>, or under its entry <paramref name="index"/> when that is not negative.</summary>
    internal static string? Iqn(string? name, string key, int index = -1) =>
        name is null || IscsiNameRules.Problem(name) is not { } problem ? name : throw new ConnectionInfoException(KeyOf(key, index), $"{ValueRules.Show(name)} {problem}.");

    private static List<IscsiPath>? Paths(DataReader data, string portalsKey, string iqnsKey, string lunsKey, string? iqn, int? lun)
    {
        var portals = data.StringList(portalsKey);
        var iqns = data.StringList(iqnsKey, iqn);
        var luns = data.LunList(lunsKey);
        if (portals is null)
        {
            return iqns is null && luns is null ? null
                : throw new ConnectionInfoException(portalsKey, $"is missing but {(iqns is null ? lunsKey : iqnsKey)} is given; expected the list of portals the IQNs/LUNs belong to.");
        }

        CheckCount(iqns?.Count, iqnsKey, portals.Count, portalsKey);
        CheckCount(luns?.Count, lunsKey, portals.Count, portalsKey);
        if (iqns is null && iqn is null)
        {
            throw new ConnectionInfoException(iqnsKey, $"is missing and so is {TargetIqn}; expected one IQN per {portalsKey} entry, or a single {TargetIqn} for all.");
        }

        // An entry that is the very instance of iqn (see StringList) was checked with it: iqn comes from a checked key.
        var paths = new List<IscsiPath>(portals.Count);
        for (var i = 0; i < portals.Count; i++)
        {
            paths.Add(new IscsiPath(
                Portal(portals[i], portalsKey, i),
                iqns is null || ReferenceEquals(iqns[i], iqn) ? iqn! : Iqn(iqns[i], iqnsKey, i)!,
                luns?[i] ?? lun ?? 0));
        }

        return paths;
    }

    private static void CheckCount(int? count, string key, int expected, string portalsKey)
    {
        if (count is { } n && n != expected)
        {
            throw new ConnectionInfoException(key, $"has {n} entries but {portalsKey} has {expected}; expected one entry per portal, in the same order.");
        }
    }

    /// <summary>Names a list entry (<c>target_portals[2]</c>). Only called for a message, so a valid document builds no key names.</summary>
    internal static string Indexed(string key, int index) => string.Create(CultureInfo.InvariantCulture, $"{key}[{index}]");

    /// <summary>The key itself for a negative <paramref name="index"/>, otherwise its entry <paramref name="index"/>.</summary>
    internal static string KeyOf(string key, int index) => index < 0 ? key : Indexed(key, index);

    private static IscsiPath? FirstAt(List<IscsiPath>? paths, IscsiPortal portal)
    {
        for (var i = 0; i < (paths?.Count ?? 0); i++)
        {
            if (paths![i].Portal.SameAddressAs(portal))
            {
                return paths[i];
            }
        }

        return null;
    }
}
