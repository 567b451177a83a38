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
        var method = data.String(prefix + Method);
        var username = data.String(prefix + Username);
        var password = data.String(prefix + Password);
        var usernameIn = data.String(prefix + UsernameIn);
        var passwordIn = data.String(prefix + PasswordIn);
        if (string.IsNullOrEmpty(method) || method.Equals("None", StringComparison.OrdinalIgnoreCase))
        {
            var stray = new[] { (Username, username), (Password, password), (UsernameIn, usernameIn), (PasswordIn, passwordIn) }
                .FirstOrDefault(c => !string.IsNullOrEmpty(c.Item2)).Item1;
            return stray is null ? null
                : throw new ConnectionInfoException(prefix + stray, $"is set but {prefix}{Method} is {(method is null ? "missing" : "\"None\"")}; set {prefix}{Method} to \"CHAP\" or remove the credentials.");
        }

        if (!method.Equals("CHAP", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConnectionInfoException(prefix + Method, $"is {ValueRules.Show(method)}; expected \"CHAP\" or \"None\" (open-iscsi supports no other method).");
        }

        var need = $"; {prefix}{Method} is CHAP, which needs {prefix}{Username} and {prefix}{Password}.";
        Credential(username ?? throw new ConnectionInfoException(prefix + Username, "is missing" + need), prefix + Username);
        Credential(password ?? throw new ConnectionInfoException(prefix + Password, "is missing" + need), prefix + Password);
        if ((usernameIn is null) != (passwordIn is null))
        {
            var missing = usernameIn is null ? UsernameIn : PasswordIn;
            throw new ConnectionInfoException(prefix + missing, $"is missing; mutual CHAP needs both {prefix}{UsernameIn} and {prefix}{PasswordIn}.");
        }

        Credential(usernameIn, prefix + UsernameIn);
        Credential(passwordIn, prefix + PasswordIn);
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
}
