using System.Globalization;
using IscsiConnector.Internal;

namespace IscsiConnector;

/// <summary>One way to reach the volume: a portal, the target's IQN on it, and the LUN.</summary>
/// <param name="Portal">The portal to log into.</param>
/// <param name="Iqn">The target name (<c>iqn.</c>, <c>eui.</c> or <c>naa.</c> form), kept as the backend spelled it.</param>
/// <param name="Lun">The logical unit number, 0…16383.</param>
public sealed record IscsiPath(IscsiPortal Portal, string Iqn, int Lun)
{
    /// <summary>The largest LUN accepted (SAM flat space addressing: 14 bits).</summary>
    public const int MaxLun = 16383;

    /// <summary>
    /// Gets the comparer for target names. RFC 3722 stringprep folds iSCSI names to lower case, so two names
    /// differing only in case are the same target; this library uses the comparer when it looks for duplicates.
    /// The name is still passed to <c>iscsiadm</c> exactly as given, because open-iscsi compares it byte for byte.
    /// </summary>
    public static StringComparer TargetNameComparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>Gets how the target encodes <see cref="Lun"/> (connection_info <c>addressing_mode</c>); <see cref="LunAddressing.Sam2"/> unless given.</summary>
    public LunAddressing Addressing { get; init; }

    /// <summary>
    /// Gets the LUN as the host's SCSI layer numbers it (sysfs H:C:T:L, <c>scsi_host/hostH/scan</c>): with SAM-2 a LUN
    /// from 256 on and with SAM-3 flat every LUN gets flat space addressing, 16384 + <see cref="Lun"/> (the kernel's
    /// <c>scsilun_to_int</c> of the 0x40 method bits), as os-brick's <c>lun_for_addressing</c> computes it.
    /// </summary>
    public int ScsiLun => Addressing switch
    {
        LunAddressing.Sam => Lun,
        LunAddressing.Sam3Flat => Lun + FlatSpaceOffset,
        _ => Lun < 256 ? Lun : Lun + FlatSpaceOffset,
    };

    /// <summary>
    /// Gets the LUN as udev writes it at the end of a <c>/dev/disk/by-path/…-lun-&lt;n&gt;</c> name, from
    /// <see cref="ScsiLun"/>: decimal below 256, otherwise the 64-bit SCSI LUN in hexadecimal, <c>0x%04x%04x00000000</c>
    /// of the low and high 16 bits (SAM LUN 256 → <c>0x0100000000000000</c>, SAM-2 LUN 300 → <c>0x412c000000000000</c>),
    /// the form of udev's <c>format_lun_number</c> and os-brick's <c>_format_lun_id</c>.
    /// </summary>
    public string ByPathLun => ScsiLun < 256
        ? ScsiLun.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"0x{ScsiLun & 0xffff:x4}{(ScsiLun >> 16) & 0xffff:x4}00000000");

    /// <summary>The flat space addressing method (01b in the top two bits of the first LUN byte) as the kernel's number.</summary>
    private const int FlatSpaceOffset = 0x4000;

    /// <summary>Gets a value indicating whether <paramref name="name"/> is a valid iSCSI target name (RFC 3720/3721).</summary>
    /// <param name="name">The candidate, e.g. <c>iqn.2010-10.org.openstack:volume-1</c>, <c>eui.02004567A425678D</c>.</param>
    /// <returns><see langword="true"/> when the name has a valid <c>iqn.</c>, <c>eui.</c> or <c>naa.</c> form.</returns>
    public static bool IsValidTargetName(string? name) => name is not null && IscsiNameRules.Problem(name) is null;

    /// <summary>Paths are the same place when portal, target and LUN are: the addressing is how to reach it, not where.</summary>
    /// <param name="other">The other path.</param>
    /// <returns>Whether both name the same portal, target name (as spelled) and LUN.</returns>
    public bool Equals(IscsiPath? other) =>
        ReferenceEquals(this, other) || (other is not null && EqualityComparer<IscsiPortal>.Default.Equals(Portal, other.Portal) && Iqn == other.Iqn && Lun == other.Lun);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Portal, Iqn, Lun);

    /// <inheritdoc />
    public override string ToString() => $"{Portal.Address} {Iqn} lun {Lun}";
}
