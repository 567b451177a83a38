using System.Diagnostics.Metrics;

namespace IscsiConnector.Telemetry;

/// <summary>Instruments of failed logins: every portal attempt that ends in a login failure, by the initiator's error kind.</summary>
internal sealed class LoginMetrics(Meter meter)
{
    private readonly Counter<long> _failures = meter.CreateCounter<long>(
        "iscsi.login.failures", "{failure}", "Portal attempts that ended in a failed login, by iscsi.error.kind.");

    // Kept apart from the failures by kind because a CHAP rejection is a configuration error worth its own alert.
    private readonly Counter<long> _authenticationFailures = meter.CreateCounter<long>(
        "iscsi.authentication.failures", "{failure}", "Logins the target rejected for CHAP authentication.");

    /// <summary>Counts a failed portal attempt if it failed at login (not at node setup, disk wait, WWN check or lock).</summary>
    /// <param name="failure">How the attempt failed.</param>
    /// <param name="kind">The initiator's error behind it; <see langword="null"/> when no command reported one.</param>
    public void PortalFailed(PortalFailureKind failure, IscsiErrorKind? kind)
    {
        if (failure is not (PortalFailureKind.LoginFailed or PortalFailureKind.AuthenticationFailed))
        {
            return;
        }

        kind ??= IscsiErrorKind.Unknown;
        _failures.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ErrorKind, TelemetryTags.Value(kind.Value)));
        if (failure == PortalFailureKind.AuthenticationFailed || kind == IscsiErrorKind.AuthenticationFailed)
        {
            _authenticationFailures.Add(1);
        }
    }
}
