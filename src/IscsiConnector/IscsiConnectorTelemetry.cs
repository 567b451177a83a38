namespace IscsiConnector;

/// <summary>
/// The names under which the connector publishes its traces and metrics, for <c>AddSource</c> and <c>AddMeter</c>
/// (OpenTelemetry) or an <c>ActivityListener</c>/<c>MeterListener</c> of your own. Every span, instrument and tag is
/// listed in docs/telemetry.md (https://github.com/iscsi-connector/IscsiConnector/blob/main/docs/telemetry.md).
/// </summary>
/// <remarks>
/// The library depends on no telemetry SDK: it uses <see cref="System.Diagnostics.ActivitySource"/> and
/// <see cref="System.Diagnostics.Metrics.Meter"/>, which cost nothing while nobody listens.
/// </remarks>
public static class IscsiConnectorTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: spans for attach, detach, extend, each portal attempt and each command.</summary>
    public const string ActivitySourceName = "IscsiConnector";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: durations, failovers, login failures, paths and commands.</summary>
    public const string MeterName = "IscsiConnector";
}
