using IscsiConnector.Transports;

namespace IscsiConnector;

/// <summary>The result of one portal in an attach: which path, what happened, why, and how long it took.</summary>
/// <param name="Path">The portal, target IQN and LUN tried.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Elapsed">Time spent on this portal (login, scan and device wait).</param>
public sealed record PortalOutcome(IscsiPath Path, LoginOutcome Outcome, TimeSpan Elapsed)
{
    /// <summary>Gets the kind of failure when <see cref="Outcome"/> is <see cref="LoginOutcome.Failed"/>, otherwise <see langword="null"/>.</summary>
    public PortalFailureKind? Failure { get; init; }

    /// <summary>Gets what kind of error the initiator reported behind a failure, or <see langword="null"/> when no initiator command failed.</summary>
    public IscsiErrorKind? ErrorKind { get; init; }

    /// <summary>Gets the platform's own code behind a failure (an <c>iscsiadm</c> exit code on Linux), or <see langword="null"/> when no command failed.</summary>
    public int? NativeCode { get; init; }

    /// <summary>Gets a sentence explaining a failure or a skip, or <see langword="null"/> on success. Never contains a secret.</summary>
    public string? Message { get; init; }

    /// <summary>Gets the device found through this portal (<c>sda</c>), or <see langword="null"/>.</summary>
    public string? Device { get; init; }

    /// <summary>Gets the open-iscsi iface (<c>-I</c>) the portal was tried through, e.g. <c>default</c> or <c>cxgb4i.00:07:43:aa:bb:cc</c>.</summary>
    public string? Iface { get; init; }

    /// <summary>Gets why the portal went through the <c>default</c> TCP iface instead of the configured one, or <see langword="null"/> when it did not (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP").</summary>
    public TransportFallbackInfo? TransportFallback { get; init; }

    /// <summary>Gets a value indicating whether this portal contributed a device.</summary>
    public bool Succeeded => Outcome is LoginOutcome.LoggedIn or LoginOutcome.AlreadyLoggedIn;

    /// <inheritdoc />
    public override string ToString() =>
        Message is null ? $"{Path}: {Outcome}" : $"{Path}: {Outcome} ({Failure}{(NativeCode is { } code ? $", {ErrorKind} {code}" : string.Empty)}): {Message}";
}
