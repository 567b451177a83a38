using IscsiConnector.Internal;
using static IscsiConnector.Internal.ConnectionInfoKeys;

namespace IscsiConnector;

public sealed partial class ConnectionInfo
{
    /// <summary>
    /// Checks a model built in code with the rules <see cref="Parse(string)"/> applies: valid portals, target
    /// names and LUNs, no duplicate portal in a list, usable CHAP values. Errors name the Cinder key the value
    /// would be written under (e.g. <c>target_alternative_portals[1]</c>).
    /// </summary>
    /// <returns>This instance, so that <c>new ConnectionInfo { … }.Validate()</c> reads as a factory.</returns>
    /// <exception cref="ConnectionInfoException">A value is invalid; the message names the key and never a secret.</exception>
    public ConnectionInfo Validate()
    {
        CheckCount(Alternatives, AlternativePortals);
        CheckCount(Portals, TargetPortals);
        CheckValues(Primary, TargetPortal, TargetIqn, TargetLun);
        CheckValues(Alternatives, AlternativePortals, AlternativeIqns, AlternativeLuns);
        CheckValues(Portals, TargetPortals, TargetIqns, TargetLuns);
        CheckChap(Chap, AuthPrefix);
        CheckChap(DiscoveryChap, DiscoveryAuthPrefix);
        return ValidateRelations();
    }

    /// <summary>
    /// The rules between values (duplicates, key clashes, the volume type); <see cref="Parse(string)"/> has
    /// already checked every single value under its own key, so it only needs these.
    /// </summary>
    internal ConnectionInfo ValidateRelations()
    {
        CheckDuplicates(Alternatives, AlternativePortals);
        CheckDuplicates(Portals, TargetPortals);
        for (var i = 0; i < Alternatives.Count; i++)
        {
            if (SamePlace(Alternatives[i], Primary))
            {
                throw Duplicate(AlternativePortals, i, "repeats the primary target_portal with the same IQN; alternatives must be other portals.");
            }
        }

        if (DriverVolumeType is { } type && !type.Equals(IscsiType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConnectionInfoException(ConnectionInfoKeys.DriverVolumeType, $"is {ValueRules.Show(type)}; expected \"iscsi\" (this connector handles iSCSI volumes only).");
        }

        if (VolumeId is { } id && ValueRules.DisplayTextProblem(id, ConnectionInfoLimits.MaxVolumeIdLength) is { } idProblem)
        {
            // The id is shown in logs and messages, so it must read as what it is; quoted here escaped and cut.
            throw new ConnectionInfoException(ConnectionInfoKeys.VolumeId, $"{idProblem}; expected a volume id such as a UUID.");
        }

        // A modelled key in AdditionalData would be written twice by ToJson.
        foreach (var key in AdditionalData.Keys)
        {
            if (Modelled.Contains(key) || key == ConnectionInfoKeys.DriverVolumeType)
            {
                throw new ConnectionInfoException(key, "is in AdditionalData but the model has a property for it; set that property instead.");
            }
        }

        return this;
    }

    private static void CheckValues(IReadOnlyList<IscsiPath> paths, string portalsKey, string iqnsKey, string lunsKey)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            CheckValues(paths[i], ConnectionInfoBuilder.Indexed(portalsKey, i), ConnectionInfoBuilder.Indexed(iqnsKey, i), ConnectionInfoBuilder.Indexed(lunsKey, i));
        }
    }

    private static void CheckDuplicates(IReadOnlyList<IscsiPath> paths, string portalsKey)
    {
        // First index of each (address, target): one pass, however long the list.
        var first = new Dictionary<IscsiPath, int>(paths.Count, PlaceComparer.Instance);
        for (var i = 0; i < paths.Count; i++)
        {
            if (!first.TryAdd(paths[i], i))
            {
                var j = first[paths[i]];
                throw Duplicate(portalsKey, i, $"repeats {ConnectionInfoBuilder.Indexed(portalsKey, j)} ({paths[j].Portal.Address}) with the same IQN; expected each portal once.");
            }
        }
    }

    private static void CheckCount(IReadOnlyList<IscsiPath>? paths, string portalsKey)
    {
        ArgumentNullException.ThrowIfNull(paths, portalsKey);
        if (paths.Count > ConnectionInfoLimits.MaxPaths)
        {
            throw DataReader.TooManyEntries(portalsKey, paths.Count);
        }
    }

    private static void CheckValues(IscsiPath path, string portalKey, string iqnKey, string lunKey)
    {
        ArgumentNullException.ThrowIfNull(path, portalKey);
        ArgumentNullException.ThrowIfNull(path.Portal, portalKey);
        var portal = path.Portal;
        var problem = HostRules.Problem(portal.Host ?? string.Empty)
            ?? (portal.Port is < 1 or > 65535 ? $"has port {portal.Port}; expected 1…65535" : null)
            ?? (portal.Tpgt is < 0 or > IscsiPortal.MaxTpgt ? $"has portal group tag {portal.Tpgt}; expected 0…{IscsiPortal.MaxTpgt}" : null);
        if (problem is not null)
        {
            throw new ConnectionInfoException(portalKey, $"{ValueRules.Show(portal.ToString())} {problem}.");
        }

        ConnectionInfoBuilder.Iqn(path.Iqn ?? string.Empty, iqnKey);
        if (path.Lun is < 0 or > IscsiPath.MaxLun)
        {
            throw new ConnectionInfoException(lunKey, $"is {path.Lun}; expected 0…{IscsiPath.MaxLun}.");
        }
    }

    private static void CheckChap(ChapCredentials? chap, string prefix)
    {
        if (chap is null)
        {
            return;
        }

        if (!chap.Method.Equals("CHAP", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConnectionInfoException(prefix + Method, $"is {ValueRules.Show(chap.Method)}; expected \"CHAP\".");
        }

        if ((chap.UsernameIn is null) != (chap.PasswordIn is null))
        {
            throw new ConnectionInfoException(prefix + (chap.UsernameIn is null ? UsernameIn : PasswordIn), "is missing; mutual CHAP needs both the target's user name and secret.");
        }

        ChapReader.Credential(chap.Username, prefix + Username);
        ChapReader.Credential(chap.Password, prefix + Password);
        ChapReader.Credential(chap.UsernameIn, prefix + UsernameIn);
        ChapReader.Credential(chap.PasswordIn, prefix + PasswordIn);
    }

    // Same portal address and same target: logging in twice would be refused by iscsiadm (exit 15).
    private static bool SamePlace(IscsiPath a, IscsiPath b) => PlaceComparer.Instance.Equals(a, b);

    private static ConnectionInfoException Duplicate(string key, int index, string message) =>
        new(ConnectionInfoBuilder.Indexed(key, index), message);
}
