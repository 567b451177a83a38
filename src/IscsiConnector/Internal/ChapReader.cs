using static IscsiConnector.Internal.ConnectionInfoKeys;

namespace IscsiConnector.Internal;

/// <summary>
/// Reads one set of CHAP keys (<c>auth_*</c> or <c>discovery_auth_*</c>). Messages name the key and the
/// problem but never contain a user name or secret; only the (non-secret) method is quoted.
/// </summary>
internal static class ChapReader
{
    public static ChapCredentials? Read(DataReader data, string prefix)
    {
        var keys = ChapKeys.For(prefix);
        var method = data.String(keys.Method);
        var username = data.String(keys.Username);
        var password = data.String(keys.Password);
        var usernameIn = data.String(keys.UsernameIn);
        var passwordIn = data.String(keys.PasswordIn);
        if (string.IsNullOrEmpty(method) || method.Equals("None", StringComparison.OrdinalIgnoreCase))
        {
            var stray = new[] { (Username, username), (Password, password), (UsernameIn, usernameIn), (PasswordIn, passwordIn) }
                .FirstOrDefault(c => !string.IsNullOrEmpty(c.Item2)).Item1;
            return stray is null ? null
                : throw new ConnectionInfoException(prefix + stray, $"is set but {prefix}{Method} is {(method is null ? "missing" : "\"None\"")}; set {prefix}{Method} to \"CHAP\" or remove the credentials.");
        }

        if (!method.Equals("CHAP", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConnectionInfoException(keys.Method, $"is {ValueRules.Show(method)}; expected \"CHAP\" or \"None\" (open-iscsi supports no other method).");
        }

        Credential(username ?? throw Missing(keys.Username, prefix), keys.Username);
        Credential(password ?? throw Missing(keys.Password, prefix), keys.Password);
        if ((usernameIn is null) != (passwordIn is null))
        {
            var missing = usernameIn is null ? UsernameIn : PasswordIn;
            throw new ConnectionInfoException(prefix + missing, $"is missing; mutual CHAP needs both {prefix}{UsernameIn} and {prefix}{PasswordIn}.");
        }

        Credential(usernameIn, keys.UsernameIn);
        Credential(passwordIn, keys.PasswordIn);
        return new ChapCredentials(username, password, usernameIn, passwordIn) { Method = method };
    }

    /// <summary>Checks a CHAP name or secret; the message never contains the value.</summary>
    internal static void Credential(string? value, string key)
    {
        if (value is not null && ValueRules.CredentialProblem(value) is { } problem)
        {
            throw new ConnectionInfoException(key, $"{problem}; expected a value iscsiadm can store (the value is not shown because it may be secret).");
        }
    }

    private static ConnectionInfoException Missing(string key, string prefix) =>
        new(key, $"is missing; {prefix}{Method} is CHAP, which needs {prefix}{Username} and {prefix}{Password}.");

    /// <summary>The full key names of one prefix, built once rather than concatenated on every parse.</summary>
    private sealed class ChapKeys(string prefix)
    {
        private static readonly ChapKeys Session = new(AuthPrefix);
        private static readonly ChapKeys Discovery = new(DiscoveryAuthPrefix);

        public string Method { get; } = prefix + ConnectionInfoKeys.Method;

        public string Username { get; } = prefix + ConnectionInfoKeys.Username;

        public string Password { get; } = prefix + ConnectionInfoKeys.Password;

        public string UsernameIn { get; } = prefix + ConnectionInfoKeys.UsernameIn;

        public string PasswordIn { get; } = prefix + ConnectionInfoKeys.PasswordIn;

        public static ChapKeys For(string prefix) => prefix switch
        {
            AuthPrefix => Session,
            DiscoveryAuthPrefix => Discovery,
            _ => new ChapKeys(prefix),
        };
    }
}
