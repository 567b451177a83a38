using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IscsiConnector.Migration.Internal;

/// <summary>The QEMU forms of one iSCSI path: the <c>iscsi://</c> URL and the <c>-blockdev</c> JSON.</summary>
internal static class QemuIscsiText
{
    /// <summary><c>iscsi://host:port/iqn/lun</c>, IPv6 bracketed. Never a user: QEMU (7.2, measured) takes a URL's user together with
    /// the URL's password, an empty one when absent, and then ignores <c>password-secret</c>, so the login fails.</summary>
    public static string Url(IscsiPath path) =>
        string.Create(CultureInfo.InvariantCulture, $"iscsi://{path.Portal.Address}/{path.Iqn}/{path.Lun}");

    /// <summary>The <c>-drive</c> options around the URL: <c>file=&lt;url&gt;[,file.user=…,file.password-secret=…][,file.initiator-name=…],format=raw</c>.
    /// No value can hold a comma (QEMU's option separator): IQNs, libvirt-valid user names and QEMU ids have none.</summary>
    public static string Drive(IscsiPath path, string? user, string? passwordSecretId, string? initiatorName)
    {
        var builder = new StringBuilder("file=").Append(Url(path));
        if (user is not null)
        {
            builder.Append(",file.user=").Append(user).Append(",file.password-secret=").Append(passwordSecretId);
        }

        if (initiatorName is not null)
        {
            builder.Append(",file.initiator-name=").Append(initiatorName);
        }

        return builder.Append(",format=raw").ToString();
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
