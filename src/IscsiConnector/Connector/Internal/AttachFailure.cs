using IscsiConnector.Internal;
using IscsiConnector.PortalAttempts;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Connector.Internal;

/// <summary>The exception of a failed attach: what failed, every failed portal's evidence, and a hint.</summary>
internal static class AttachFailure
{
    public static VolumeAttachException Create(ILogger logger, ConnectionInfo info, IReadOnlyList<PortalAttempt> attempts, string what)
    {
        var outcomes = attempts.Select(a => a.ToOutcome()).ToList();
        var failed = outcomes.Where(o => o.Outcome == LoginOutcome.Failed).ToList();
        var auth = failed.Count > 0 && failed.TrueForAll(o => o.Failure == PortalFailureKind.AuthenticationFailed);
        var hint = auth
            ? " Every portal rejected the CHAP credentials: check auth_username/auth_password against the target's account."
            : " Check that the portals are reachable from this host and that the target exports the LUN to this initiator.";
        var volume = VolumeSessions.VolumeName(info);
        var notUndone = attempts.SelectMany(a => a.UndoProblems).ToList();
        var leftovers = notUndone.Count == 0 ? string.Empty : " Not undone: " + string.Join(" ", notUndone);
        var message = $"Attaching volume {volume} failed: {what}. {string.Join(" ", failed.Select(Evidence))}{hint}{leftovers}";
        Log.AttachFailed(logger, volume, what);
        return new VolumeAttachException(message, outcomes);
    }

    private static string Evidence(PortalOutcome o) =>
        $"[{o.Path}: {o.Failure}{(o.NativeCode is { } code ? $" ({o.ErrorKind}, code {code})" : string.Empty)}: {o.Message}]";
}
