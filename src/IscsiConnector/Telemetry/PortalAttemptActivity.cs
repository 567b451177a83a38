using System.Diagnostics;

namespace IscsiConnector.Telemetry;

/// <summary>
/// The span of one portal attempt: which portal, target, LUN and iface it tried, and how it ended. A child of the
/// attach span; the attempt's commands are its children.
/// </summary>
internal static class PortalAttemptActivity
{
    public static Activity? Start(IscsiPath path, string iface)
    {
        var activity = ConnectorActivities.Source.StartActivity(ConnectorActivities.PortalAttempt, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryTags.ServerAddress, path.Portal.Host);
            activity.SetTag(TelemetryTags.ServerPort, path.Portal.Port);
            activity.SetTag(TelemetryTags.TargetIqn, path.Iqn);
            activity.SetTag(TelemetryTags.Lun, path.Lun);
            activity.SetTag(TelemetryTags.Iface, iface);
        }

        return activity;
    }

    /// <summary>Tags the outcome; a failed attempt's span has status Error with the failure's sentence (secret-free, like every outcome message).</summary>
    public static void Finish(Activity? activity, PortalOutcome outcome)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag(TelemetryTags.LoginOutcome, TelemetryTags.Value(outcome.Outcome));
        activity.SetTag(TelemetryTags.Iface, outcome.Iface);
        if (outcome.Device is not null)
        {
            activity.SetTag(TelemetryTags.DeviceName, outcome.Device);
        }

        if (outcome.Failure is { } failure)
        {
            activity.SetTag(TelemetryTags.PortalFailure, TelemetryTags.Value(failure));
            if (outcome.ErrorKind is { } kind)
            {
                activity.SetTag(TelemetryTags.ErrorKind, TelemetryTags.Value(kind));
            }

            activity.SetTag(TelemetryTags.ErrorType, TelemetryTags.Value(failure));
            activity.SetStatus(ActivityStatusCode.Error, outcome.Message);
        }
    }
}
