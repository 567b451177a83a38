namespace IscsiConnector;

/// <summary>
/// A <c>connection_info</c> document is malformed. Thrown before any command runs. The message names the
/// key, says what is wrong and what was expected, and never echoes a secret.
/// </summary>
public sealed class ConnectionInfoException : IscsiException
{
    /// <summary>Initializes a new instance of the <see cref="ConnectionInfoException"/> class.</summary>
    /// <param name="key">The offending key (e.g. <c>target_portals[1]</c>), or <see langword="null"/> for the document as a whole.</param>
    /// <param name="message">What is wrong and what was expected.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ConnectionInfoException(string? key, string message, Exception? innerException = null)
        : base(key is null ? message : $"connection_info key '{key}': {message}", innerException)
    {
        Key = key;
    }

    /// <summary>Gets the offending key, or <see langword="null"/> when the document as a whole is wrong.</summary>
    public string? Key { get; }
}
