using System.Diagnostics.Metrics;

namespace IscsiConnector.Telemetry;

/// <summary>
/// The connector's <see cref="Meter"/> and its instruments, one small class per concept. With dependency injection
/// the meter comes from the host's <see cref="IMeterFactory"/> (so a test or a host can scope and dispose it, as
/// dotnet/extensions libraries do); without, every connector shares one static meter of the same name.
/// </summary>
internal sealed class ConnectorMetrics
{
    private static readonly string? Version = typeof(ConnectorMetrics).Assembly.GetName().Version?.ToString();

    // Built on first use only: a connector made through DI never creates the static meter.
    private static readonly Lazy<ConnectorMetrics> Shared = new(() => new ConnectorMetrics(new Meter(IscsiConnectorTelemetry.MeterName, Version)));

    private ConnectorMetrics(Meter meter)
    {
        Attach = new AttachMetrics(meter);
        Detach = new DetachMetrics(meter);
        Logins = new LoginMetrics(meter);
        Commands = new CommandMetrics(meter);
    }

    public AttachMetrics Attach { get; }

    public DetachMetrics Detach { get; }

    public LoginMetrics Logins { get; }

    public CommandMetrics Commands { get; }

    /// <summary>The instruments on <paramref name="factory"/>'s meter, or the shared static ones when there is no factory.</summary>
    public static ConnectorMetrics For(IMeterFactory? factory) =>
        factory is null ? Shared.Value : new ConnectorMetrics(factory.Create(new MeterOptions(IscsiConnectorTelemetry.MeterName) { Version = Version }));

    /// <summary>Bucket boundaries in seconds for operations that take from a fraction of a second to a few dead-portal timeouts.</summary>
    internal static readonly InstrumentAdvice<double> OperationBuckets = new()
    {
        HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    };
}
