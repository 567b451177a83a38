using System.Net;
using IscsiConnector.Internal;

namespace IscsiConnector.Windows.Internal;

/// <summary>
/// What the Microsoft initiator accepts beyond what <see cref="ConnectionInfo"/> already checks, refused before
/// any PowerShell starts: LUNs fit its one-byte <c>ScsiLun</c>; CHAP secrets are 12 to 16 characters and the
/// initiator's (mutual) secret differs from the target's; an initiator portal (the iface counterpart) is an IP
/// address. Messages name the key and never contain a secret.
/// </summary>
internal static class WindowsValueRules
{
    /// <summary>The highest LUN the initiator reports (<c>MSIscsiInitiator_DeviceOnSession.ScsiLun</c> is a uint8).</summary>
    public const int MaxLun = 255;

    /// <summary>The shortest CHAP secret the Microsoft initiator takes.</summary>
    public const int MinChapSecretLength = 12;

    /// <summary>The longest CHAP secret the Microsoft initiator takes.</summary>
    public const int MaxChapSecretLength = 16;

    /// <summary>Checks every path of <paramref name="info"/> and its CHAP, and the iface (initiator portal address) the connector is set to use.</summary>
    /// <exception cref="ConnectionInfoException">A value the Windows initiator cannot take; the message names the key.</exception>
    public static void Check(ConnectionInfo info, string iface)
    {
        ArgumentNullException.ThrowIfNull(info);
        var address = iface == Transports.IscsiTransports.DefaultIface ? null : iface;
        foreach (var path in info.FailoverOrder.Concat(info.MultipathPaths))
        {
            CheckConnect(path, address, null, info.Chap);
        }
    }

    /// <exception cref="ConnectionInfoException">A value the Windows initiator cannot take; the message names the key.</exception>
    public static void CheckConnect(IscsiPath path, string? initiatorPortalAddress, string? initiatorInstanceName, ChapCredentials? chap)
    {
        ArgumentNullException.ThrowIfNull(path);
        Refuse("target_portal", HostRules.Problem(path.Portal.Host));
        Refuse("target_iqn", IscsiNameRules.Problem(path.Iqn));
        Refuse("target_lun", path.Lun is < 0 or > MaxLun
            ? $"is {path.Lun}; the Windows initiator reports LUNs 0 to {MaxLun} only (MSIscsiInitiator_DeviceOnSession.ScsiLun is one byte)"
            : null);
        if (initiatorPortalAddress is not null)
        {
            Refuse("initiator portal address (iface)", ValueRules.ArgumentProblem(initiatorPortalAddress)
                ?? (IPAddress.TryParse(initiatorPortalAddress, out _) ? null : "is not an IP address of this host"));
        }

        if (initiatorInstanceName is not null)
        {
            Refuse("initiator instance name", ValueRules.CredentialProblem(initiatorInstanceName));
        }

        if (chap is null)
        {
            return;
        }

        Refuse("auth_username", ValueRules.CredentialProblem(chap.Username));
        Refuse("auth_password", SecretProblem(chap.Password));
        if (chap.IsMutual)
        {
            Refuse("auth_password_in", SecretProblem(chap.PasswordIn!)
                ?? (string.Equals(chap.PasswordIn, chap.Password, StringComparison.Ordinal)
                    ? "equals auth_password; the Microsoft initiator requires its own secret to differ from the target's"
                    : null));
        }
    }

    private static string? SecretProblem(string secret) =>
        ValueRules.CredentialProblem(secret)
        ?? (secret.Length is < MinChapSecretLength or > MaxChapSecretLength
            ? $"is {secret.Length} characters long; the Microsoft initiator takes CHAP secrets of {MinChapSecretLength} to {MaxChapSecretLength} characters"
            : null);

    private static void Refuse(string key, string? problem)
    {
        if (problem is not null)
        {
            throw new ConnectionInfoException(key, problem + ".");
        }
    }
}
