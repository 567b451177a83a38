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

    /// <summary>
    /// Gets the LUN as udev writes it at the end of a <c>/dev/disk/by-path/…-lun-&lt;n&gt;</c> name: decimal
    /// below 256, otherwise the 64-bit SCSI LUN in hexadecimal, <c>0x%04x%04x00000000</c> of the low and high
    /// 16 bits (LUN 256 → <c>0x0100000000000000</c>), the form os-brick's <c>_format_lun_id</c> produces.
    /// </summary>
    public string ByPathLun => Lun < 256
        ? Lun.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"0x{Lun & 0xffff:x4}{(Lun >> 16) & 0xffff:x4}00000000");

    /// <summary>Gets a value indicating whether <paramref name="name"/> is a valid iSCSI target name (RFC 3720/3721).</summary>
    /// <param name="name">The candidate, e.g. <c>iqn.2010-10.org.openstack:volume-1</c>, <c>eui.02004567A425678D</c>.</param>
    /// <returns><see langword="true"/> when the name has a valid <c>iqn.</c>, <c>eui.</c> or <c>naa.</c> form.</returns>
    public static bool IsValidTargetName(string? name) => name is not null && IscsiNameRules.Problem(name) is null;

    /// <inheritdoc />
    public override string ToString() => $"{Portal.Address} {Iqn} lun {Lun}";
}
