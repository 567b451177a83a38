namespace IscsiConnector;

/// <summary>A disconnect could not clean up everything and <see cref="DisconnectOptions.IgnoreErrors"/> was not set.</summary>
public sealed class VolumeDetachException : IscsiException
{
    /// <summary>Initializes a new instance of the <see cref="VolumeDetachException"/> class.</summary>
    /// <param name="message">What failed and what is left behind.</param>
    /// <param name="result">What the disconnect did and left behind.</param>
    /// <param name="innerException">The first error, if any.</param>
    public VolumeDetachException(string message, DisconnectResult result, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>Gets what the disconnect did and what it left behind.</summary>
    public DisconnectResult Result { get; }
}
