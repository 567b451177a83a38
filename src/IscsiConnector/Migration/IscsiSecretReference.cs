using IscsiConnector.Internal;

namespace IscsiConnector.Migration;

/// <summary>
/// CHAP for a libvirt network disk: the user name and a <em>reference</em> to a libvirt secret of type <c>iscsi</c>
/// that holds the password (<c>&lt;auth username='…'&gt;&lt;secret type='iscsi' usage='…'/&gt;&lt;/auth&gt;</c>).
/// The password itself never appears here: the caller defines the secret on the host
/// (<c>virsh secret-define</c> + <c>virsh secret-set-value</c>).
/// </summary>
public sealed record IscsiSecretReference
{
    /// <summary>The libvirt secret type this reference names.</summary>
    public const string SecretType = "iscsi";

    /// <summary>Initializes a new instance of the <see cref="IscsiSecretReference"/> class. Give exactly one of
    /// <paramref name="usage"/> and <paramref name="uuid"/>.</summary>
    /// <param name="username">The initiator's CHAP name.</param>
    /// <param name="usage">The secret's usage target (<c>&lt;usage type='iscsi'&gt;&lt;target&gt;</c>), or <see langword="null"/>.</param>
    /// <param name="uuid">The secret's UUID, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The user name or usage is not what libvirt's schema allows (<see cref="IsUsername"/>; a usage without '/'),
    /// or not exactly one of usage and UUID is given.</exception>
    public IscsiSecretReference(string username, string? usage = null, Guid? uuid = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        if (!IsUsername(username))
        {
            throw new ArgumentException("The CHAP user name has characters libvirt's schema does not allow in <auth username> (letters, digits, '_', '+', '-').", nameof(username));
        }

        if ((usage is null) == (uuid is null))
        {
            throw new ArgumentException("Give exactly one of the secret's usage and its UUID.", nameof(usage));
        }

        if (usage is not null && (usage.Length == 0 || usage.Contains('/', StringComparison.Ordinal) || ValueRules.ContainsControl(usage)))
        {
            throw new ArgumentException("The secret usage is empty or contains '/' or a control character, which libvirt's schema does not allow.", nameof(usage));
        }

        Username = username;
        Usage = usage;
        Uuid = uuid;
    }

    /// <summary>Gets a value indicating whether libvirt's schema accepts <paramref name="username"/> in <c>&lt;auth username&gt;</c> (its <c>genericName</c>: <c>[a-zA-Z0-9_+-]+</c>).</summary>
    /// <param name="username">The CHAP user name.</param>
    /// <returns><see langword="true"/> when it is non-empty and has only letters, digits, '_', '+' and '-'.</returns>
    public static bool IsUsername(string? username) =>
        username is { Length: > 0 } && username.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-');

    /// <summary>Gets the initiator's CHAP name (<c>&lt;auth username&gt;</c>).</summary>
    public string Username { get; }

    /// <summary>Gets the secret's usage target, or <see langword="null"/> when it is named by <see cref="Uuid"/>.</summary>
    public string? Usage { get; }

    /// <summary>Gets the secret's UUID, or <see langword="null"/> when it is named by <see cref="Usage"/>.</summary>
    public Guid? Uuid { get; }
}
