namespace IscsiConnector.Migration;

/// <summary>
/// A live-migration step (spec 003) refused its input: malformed domain XML or device map, a serial that matches
/// no disk or several, a disk that cannot take the given destination, or no reachable portal. Nothing was
/// written when this is thrown. The message names the serial or key and never contains a CHAP secret.
/// </summary>
public sealed class LiveMigrationException : IscsiException
{
    /// <summary>Initializes a new instance of the <see cref="LiveMigrationException"/> class.</summary>
    /// <param name="failure">What kind of problem it is.</param>
    /// <param name="message">A sentence: what failed, the evidence, and how to fix it.</param>
    /// <param name="serial">The volume serial concerned, or <see langword="null"/>.</param>
    /// <param name="innerException">The cause, if any.</param>
    public LiveMigrationException(LiveMigrationFailure failure, string message, string? serial = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Serial = serial;
    }

    /// <summary>Gets what kind of problem it is.</summary>
    public LiveMigrationFailure Failure { get; }

    /// <summary>Gets the volume serial concerned, or <see langword="null"/> when the problem is not about one volume.</summary>
    public string? Serial { get; }
}
