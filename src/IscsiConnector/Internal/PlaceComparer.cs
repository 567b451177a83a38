namespace IscsiConnector.Internal;

/// <summary>
/// Compares paths by place — portal address (<see cref="IscsiPortal.SameAddressAs"/>) and target name — and, when
/// asked, by LUN too, with hash codes that agree, so that duplicate checks over long lists are one hashed pass
/// instead of comparing every pair.
/// </summary>
internal sealed class PlaceComparer(bool withLun) : IEqualityComparer<IscsiPath>
{
    /// <summary>Gets the comparer of address and target: two such paths would be the same iSCSI session.</summary>
    public static PlaceComparer Instance { get; } = new(withLun: false);

    /// <summary>Gets the comparer of address, target and LUN: two such paths reach the same disk the same way.</summary>
    public static PlaceComparer WithLun { get; } = new(withLun: true);

    public bool Equals(IscsiPath? x, IscsiPath? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null && (!withLun || x.Lun == y.Lun)
            && x.Portal.SameAddressAs(y.Portal) && IscsiPath.TargetNameComparer.Equals(x.Iqn, y.Iqn));

    public int GetHashCode(IscsiPath obj) =>
        HashCode.Combine(obj.Portal.AddressHashCode(), IscsiPath.TargetNameComparer.GetHashCode(obj.Iqn), withLun ? obj.Lun : 0);
}
