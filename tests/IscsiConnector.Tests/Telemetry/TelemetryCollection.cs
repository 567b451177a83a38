namespace IscsiConnector.Tests.Telemetry;

/// <summary>
/// Tests that listen to the connector's telemetry by name (an OpenTelemetry SDK listens to every source and meter called
/// "IscsiConnector" in the process) run alone, so that another test's connector cannot add a span or a measurement.
/// Tests that scope their listening to one <c>IMeterFactory</c> do not need this.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Process-wide telemetry listeners";
}
