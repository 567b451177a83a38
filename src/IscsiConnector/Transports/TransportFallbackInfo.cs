namespace IscsiConnector.Transports;

/// <summary>Why a portal was reached through the <c>default</c> TCP iface instead of the configured one.</summary>
/// <param name="RequestedIface">The iface the options asked for.</param>
/// <param name="Reason">What went wrong with it.</param>
/// <param name="Message">A sentence with the evidence (never a secret).</param>
public sealed record TransportFallbackInfo(string RequestedIface, IscsiTransportFailureReason Reason, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"fell back from iface {RequestedIface} to default ({Reason}): {Message}";
}
