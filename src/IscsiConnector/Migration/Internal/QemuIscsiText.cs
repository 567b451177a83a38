using System.Globalization;
using System.Text.Json;

namespace IscsiConnector.Migration.Internal;

/// <summary>The QEMU forms of one iSCSI path: the <c>iscsi://</c> URL and the <c>-blockdev</c> JSON.</summary>
internal static class QemuIscsiText
{
    /// <summary><c>iscsi://[user@]host:port/iqn/lun</c>; IPv6 bracketed; never a password. The user name is one libvirt's schema
    /// allows (letters, digits, '_', '+', '-'), so none of libiscsi's URL separators ('@', '%', '/') can be in it.</summary>
    public static string Url(IscsiPath path, string? user)
    {
        var userInfo = user is null ? string.Empty : user + "@";
        return string.Create(CultureInfo.InvariantCulture, $"iscsi://{userInfo}{path.Portal.Address}/{path.Iqn}/{path.Lun}");
    }

    /// <summary>The <c>-blockdev</c> JSON: libiscsi's portal syntax is the same as iscsiadm's (<c>[fd00::1]:3260</c>).</summary>
    public static string Blockdev(IscsiPath path, string? user, string? passwordSecretId, string? initiatorName, string? nodeName)
    {
        var options = new BlockdevIscsiOptions
        {
            NodeName = nodeName,
            Portal = path.Portal.Address,
            Target = path.Iqn,
            Lun = path.Lun,
            User = user,
            PasswordSecret = user is null ? null : passwordSecretId,
            InitiatorName = initiatorName,
        };
        return JsonSerializer.Serialize(options, QemuJsonContext.Default.BlockdevIscsiOptions);
    }
}
