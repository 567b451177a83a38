namespace IscsiConnector.Migration;

/// <summary>
/// A volume described for QEMU's built-in iSCSI initiator (libiscsi): the libvirt <c>&lt;disk&gt;</c>, the
/// <c>iscsi://</c> URL and the <c>-blockdev</c> options, all for the same path. Nothing here logs in, and no
/// CHAP password is in any of it: QEMU gets the password from a secret object, libvirt from a libvirt secret.
/// </summary>
/// <remarks>
/// Passing the password to QEMU: <c>-object secret,id=&lt;PasswordSecretId&gt;,file=&lt;a 0600 file holding the CHAP secret&gt;</c>,
/// then either <c>-blockdev '&lt;BlockdevJson&gt;'</c> (it names <c>password-secret</c>) or <c>-drive &lt;DriveOptions&gt;,if=none,id=…</c>.
/// With libvirt: <c>virsh secret-define</c> a secret with <c>&lt;usage type='iscsi'&gt;&lt;target&gt;usage&lt;/target&gt;&lt;/usage&gt;</c>
/// and <c>virsh secret-set-value</c> the password.
/// </remarks>
/// <param name="Path">The path chosen: the first reachable one in the backend's failover order.</param>
/// <param name="Serial">The volume serial written into the disk, or <see langword="null"/>.</param>
/// <param name="Source">The libvirt network source (also what goes into a <see cref="DestinationDeviceMap"/>).</param>
/// <param name="DiskXml">The <c>&lt;disk type='network'&gt;</c> element.</param>
/// <param name="Url">The QEMU URL <c>iscsi://host:port/iqn/lun</c> (IPv6 bracketed). It carries no user: QEMU reads a URL's user together
/// with the URL's password (empty when absent) and then ignores <c>password-secret</c>; the user goes in <see cref="DriveOptions"/>.</param>
/// <param name="DriveOptions">The <c>-drive</c> options for the URL: <c>file=&lt;Url&gt;,file.user=…,file.password-secret=…,file.initiator-name=…,format=raw</c>
/// (append <c>,if=none,id=…</c>).</param>
/// <param name="BlockdevJson">QEMU's <c>-blockdev</c> options as one line of JSON (<c>driver</c> iscsi, <c>transport</c>, <c>portal</c>, <c>target</c>, <c>lun</c>,
/// <c>user</c>, <c>password-secret</c>, <c>initiator-name</c>).</param>
/// <param name="PasswordSecretId">The QEMU secret object id the password must be given under, or <see langword="null"/> without CHAP.</param>
/// <param name="Portals">Every path of the failover order with what the probe found.</param>
public sealed record LibiscsiVolume(
    IscsiPath Path,
    string? Serial,
    IscsiNetworkSource Source,
    string DiskXml,
    string Url,
    string DriveOptions,
    string BlockdevJson,
    string? PasswordSecretId,
    IReadOnlyList<PortalReachability> Portals);
