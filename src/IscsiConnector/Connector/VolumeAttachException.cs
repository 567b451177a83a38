using IscsiConnector.Internal;

namespace IscsiConnector;

/// <summary>
/// An attach failed: no portal produced a usable device (or not all did while
/// <see cref="IscsiConnectorOptions.RequireAllPaths"/> is set). Carries every portal's outcome; whatever
/// the attach created has been cleaned up again.
/// </summary>
public sealed class VolumeAttachException : IscsiException
{
    /// <summary>Initializes a new instance of the <see cref="VolumeAttachException"/> class.</summary>
    /// <param name="message">What failed and how to fix it; never contains a secret.</param>
    /// <param name="portals">The outcome of every portal considered.</param>
    /// <param name="innerException">The cause, if any.</param>
    public VolumeAttachException(string message, IReadOnlyList<PortalOutcome> portals, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(portals);
        Portals = portals;
    }

    /// <summary>Gets the outcome of every portal considered, in order.</summary>
    public IReadOnlyList<PortalOutcome> Portals { get; }

    /// <summary>
    /// Gets a value indicating whether the failure was authentication: every portal that was tried failed
    /// with <see cref="PortalFailureKind.AuthenticationFailed"/> (CHAP missing or wrong; <c>iscsiadm</c> exit code 24).
    /// </summary>
    public bool IsAuthenticationFailure
    {
        get
        {
            var tried = Portals.Where(p => p.Outcome == LoginOutcome.Failed).ToList();
            return tried.Count > 0 && tried.TrueForAll(p => p.Failure == PortalFailureKind.AuthenticationFailed);
        }
    }

    /// <summary>Gets the platform's code (an <c>iscsiadm</c> exit code on Linux) of the last failed portal's command, or <see langword="null"/>.</summary>
    public int? LastNativeCode => Portals.LastOrDefault(p => p.NativeCode is not null)?.NativeCode;

    /// <inheritdoc />
    public override bool IsTransient => !IsAuthenticationFailure && Portals.Any(p => p.ErrorKind is { } kind && kind.IsTransient());
}
