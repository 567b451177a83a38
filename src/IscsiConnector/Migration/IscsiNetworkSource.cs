using System.Globalization;

namespace IscsiConnector.Migration;

/// <summary>
/// Where QEMU's built-in iSCSI initiator (libiscsi) finds a volume: the source of a libvirt
/// <c>&lt;disk type='network'&gt;&lt;source protocol='iscsi' name='&lt;iqn&gt;/&lt;lun&gt;'&gt;</c> element.
/// </summary>
public sealed record IscsiNetworkSource
{
    /// <summary>Initializes a new instance of the <see cref="IscsiNetworkSource"/> class.</summary>
    /// <param name="iqn">The target name.</param>
    /// <param name="lun">The LUN, 0…16383.</param>
    /// <param name="host">The portal. libvirt takes exactly one <c>&lt;host&gt;</c> for iSCSI: its schema allows one, and its QEMU driver
    /// refuses more ("protocol 'iscsi' accepts only one host"), so a source never lists several portals.</param>
    /// <param name="auth">CHAP user and secret reference, or <see langword="null"/> for none.</param>
    /// <param name="initiatorIqn">The initiator name QEMU logs in with (<c>&lt;initiator&gt;&lt;iqn name&gt;</c>), or <see langword="null"/> to leave it to libvirt/QEMU.</param>
    /// <exception cref="ArgumentException">The IQN or initiator name is not a valid iSCSI name, or the LUN is out of range.</exception>
    public IscsiNetworkSource(string iqn, int lun, IscsiPortal host, IscsiSecretReference? auth = null, string? initiatorIqn = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (!IscsiPath.IsValidTargetName(iqn))
        {
            throw new ArgumentException("The target name is not a valid iSCSI name (iqn., eui. or naa. form).", nameof(iqn));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(lun);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lun, IscsiPath.MaxLun);
        if (initiatorIqn is not null && !IscsiPath.IsValidTargetName(initiatorIqn))
        {
            throw new ArgumentException("The initiator name is not a valid iSCSI name.", nameof(initiatorIqn));
        }

        Iqn = iqn;
        Lun = lun;
        Host = host with { Tpgt = null };
        Auth = auth;
        InitiatorIqn = initiatorIqn;
    }

    /// <summary>Gets the target name.</summary>
    public string Iqn { get; }

    /// <summary>Gets the LUN.</summary>
    public int Lun { get; }

    /// <summary>Gets the portal (<c>&lt;host name port&gt;</c>; a portal group tag is not part of it).</summary>
    public IscsiPortal Host { get; }

    /// <summary>Gets the CHAP user and secret reference, or <see langword="null"/>.</summary>
    public IscsiSecretReference? Auth { get; }

    /// <summary>Gets the initiator name for <c>&lt;initiator&gt;&lt;iqn name&gt;</c>, or <see langword="null"/>.</summary>
    public string? InitiatorIqn { get; }

    /// <summary>Gets the libvirt source name, <c>&lt;iqn&gt;/&lt;lun&gt;</c>.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Iqn}/{Lun}");
}
