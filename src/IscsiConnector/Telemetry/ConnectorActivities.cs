using System.Diagnostics;

namespace IscsiConnector.Telemetry;

/// <summary>
/// The connector's <see cref="ActivitySource"/> and the names of its spans. Static, as the platform intends: an
/// <see cref="ActivitySource"/> has no factory, and starting a span costs nothing while no listener samples it.
/// </summary>
internal static class ConnectorActivities
{
    public const string Attach = "iscsi.attach";
    public const string Detach = "iscsi.detach";
    public const string Extend = "iscsi.extend";
    public const string PortalAttempt = "iscsi.portal_attempt";
    public const string Command = "iscsi.command";
    public const string FailoverEvent = "iscsi.failover";

    public static readonly ActivitySource Source = new(IscsiConnectorTelemetry.ActivitySourceName, typeof(ConnectorActivities).Assembly.GetName().Version?.ToString());

    /// <summary>Marks <paramref name="activity"/> failed with the exception's type, keeping its (secret-free) message as the status.</summary>
    public static void Failed(Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }

        // Exception messages of this library never carry a secret (CHAP values are redacted before any text is built).
        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.SetTag(TelemetryTags.ErrorType, TelemetryTags.ErrorTypeOf(error));
    }

    /// <summary>Tags the current attach span (begun by the connector) with the mode and how many portals the attach will try.</summary>
    public static void AttachStarted(int portalCount, bool multipath)
    {
        Activity.Current?.SetTag(TelemetryTags.AttachMode, multipath ? TelemetryTags.Multipath : TelemetryTags.Failover);
        Activity.Current?.SetTag(TelemetryTags.PortalCount, portalCount);
    }

    /// <summary>Adds the failover from one portal to the next as an event on the current attach span.</summary>
    public static void FailingOver(string from, string to) =>
        Activity.Current?.AddEvent(new ActivityEvent(FailoverEvent, tags: new ActivityTagsCollection { [TelemetryTags.FailoverFrom] = from, [TelemetryTags.FailoverTo] = to }));
}
