using IscsiConnector.IscsiAdm;
using IscsiConnector.Transports;

namespace IscsiConnector.Connector.Internal;

/// <summary>The state of one portal during an attach: what we created (to undo it) and how it ended.</summary>
internal sealed class PathAttempt(IscsiPath path)
{
    public IscsiPath Path { get; } = path;

    public bool OwnsNode { get; set; }

    public bool NodeCreated { get; set; }

    public bool LoggedInByUs { get; set; }

    public InitiatorSession? Session { get; set; }

    public HostDisk? Disk { get; set; }

    public bool DiskPreexisted { get; set; }

    public LoginOutcome Outcome { get; set; } = LoginOutcome.Skipped;

    public PortalFailureKind? Failure { get; set; }

    public IscsiAdmExitCode? ExitCode { get; set; }

    public string? Message { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>The iface this attempt goes through (transports, spec 004).</summary>
    public string Iface { get; set; } = IscsiTransports.DefaultIface;

    /// <summary>Why this attempt uses the default iface instead of the configured one, or null.</summary>
    public TransportFallbackInfo? TransportFallback { get; set; }

    public bool Succeeded => Outcome is LoginOutcome.LoggedIn or LoginOutcome.AlreadyLoggedIn;

    public void Fail(PortalFailureKind kind, string message, IscsiAdmExitCode? exitCode = null)
    {
        Outcome = LoginOutcome.Failed;
        Failure = kind;
        Message = message;
        ExitCode = exitCode;
    }

    /// <summary>Forgets a failure before the same portal is tried again through another iface.</summary>
    public void ClearFailure()
    {
        Outcome = LoginOutcome.Skipped;
        Failure = null;
        Message = null;
        ExitCode = null;
        Session = null;
    }

    public PortalOutcome ToOutcome() => new(Path, Outcome, Elapsed)
    {
        Iface = Iface,
        TransportFallback = TransportFallback,
        Failure = Failure,
        ExitCode = ExitCode,
        Message = Message,
        Device = Succeeded ? Disk?.Name : null,
    };

    public AttachedDevice ToDevice() => new(Disk!.Name, Path, Disk.Address, Session!.Id) { Wwn = Disk.Wwn };
}
