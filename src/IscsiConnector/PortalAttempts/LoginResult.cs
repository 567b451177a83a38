using IscsiConnector.Initiator;

namespace IscsiConnector.PortalAttempts;

/// <summary>How a login (or the reuse of a session) on one portal ended.</summary>
/// <param name="Session">The session, or <see langword="null"/> when it failed.</param>
/// <param name="Outcome"><see cref="LoginOutcome.LoggedIn"/>, <see cref="LoginOutcome.AlreadyLoggedIn"/> or <see cref="LoginOutcome.Failed"/>.</param>
/// <param name="Failure">Why it failed, or <see langword="null"/>.</param>
internal sealed record LoginResult(InitiatorSession? Session, LoginOutcome Outcome, PortalFailure? Failure = null)
{
    public static LoginResult Failed(PortalFailure failure) => new(null, LoginOutcome.Failed, failure);
}
