namespace IscsiConnector;

/// <summary>How hard <see cref="IVolumeConnector.DisconnectVolumeAsync"/> tries, with os-brick's meanings.</summary>
public sealed record DisconnectOptions
{
    /// <summary>Gets the default: stop at the first flush failure and throw.</summary>
    public static DisconnectOptions Default { get; } = new();

    /// <summary>
    /// Gets a value indicating whether to continue past flush failures (os-brick <c>force</c>): devices are
    /// removed and sessions logged out even when buffered writes could not be flushed, which may lose data.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>
    /// Gets a value indicating whether to report problems in <see cref="DisconnectResult.Problems"/> instead of throwing
    /// <see cref="VolumeDetachException"/> (os-brick <c>ignore_errors</c>; meaningful together with <see cref="Force"/>).
    /// </summary>
    public bool IgnoreErrors { get; init; }
}
