namespace IscsiConnector.Testing.Internal;

/// <summary>Argument checks for configuration values that end up in command output and sysfs names.</summary>
internal static class Guard
{
    public static void Name(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || value.StartsWith('-'))
        {
            throw new ArgumentException($"'{value}' must not contain whitespace or control characters nor start with '-'.", parameterName);
        }
    }

    public static void Secret(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameterName);
        if (value.Any(char.IsControl))
        {
            // Never echo the value: it is a CHAP secret.
            throw new ArgumentException("The CHAP secret must not contain control characters.", parameterName);
        }
    }
}
