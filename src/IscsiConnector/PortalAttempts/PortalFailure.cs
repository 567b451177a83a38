namespace IscsiConnector.PortalAttempts;

/// <summary>Why a portal did not contribute a device: the neutral kind, a sentence, and the initiator's error behind it when a command failed.</summary>
internal sealed record PortalFailure(PortalFailureKind Kind, string Message, IscsiErrorKind? ErrorKind = null, int? NativeCode = null)
{
    /// <summary>A failure caused by a failed initiator command: its kind and native code travel with it (none when the process never exited).</summary>
    public static PortalFailure From(PortalFailureKind kind, Exception error) =>
        error is IscsiCommandException { ExitCode: { } code } command
            ? new PortalFailure(kind, error.Message, command.Kind, code)
            : new PortalFailure(kind, error.Message);
}
