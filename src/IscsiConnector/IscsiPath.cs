namespace IscsiConnector;

/// <summary>One way to reach the volume: a portal, the target's IQN on it, and the LUN.</summary>
/// <param name="Portal">The portal to log into.</param>
/// <param name="Iqn">The target name (<c>iqn.</c>, <c>eui.</c> or <c>naa.</c> form).</param>
/// <param name="Lun">The logical unit number, 0…16383.</param>
public sealed record IscsiPath(IscsiPortal Portal, string Iqn, int Lun)
{
    /// <summary>The largest LUN accepted (SAM flat space addressing: 14 bits).</summary>
    public const int MaxLun = 16383;

    /// <inheritdoc />
    public override string ToString() => $"{Portal.Address} {Iqn} lun {Lun}";
}
