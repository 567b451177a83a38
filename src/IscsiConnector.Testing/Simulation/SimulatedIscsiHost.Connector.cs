using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Testing.Simulation;

public sealed partial class SimulatedIscsiHost
{
    /// <summary>
    /// Creates a connector wired to this host: its commands, its sysfs and <c>/dev</c>, its in-memory locks and its
    /// clock (<see cref="TimeProvider"/>), so nothing touches the real machine. Every connector created here shares the
    /// host, as processes on one real host do.
    /// </summary>
    /// <param name="options">The settings; <see langword="null"/> for the defaults. Validated here.</param>
    /// <param name="loggerFactory">Where log events go; <see langword="null"/> for none.</param>
    /// <param name="meterFactory">Creates the connector's meter; <see langword="null"/> for the shared static one (see <see cref="IscsiConnectorTelemetry"/>).</param>
    /// <returns>A connector, as <see cref="IscsiConnectorFactory.Create"/> returns it for a real host.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> breaks a rule; the message lists every problem.</exception>
    /// <example><code>var connector = SimulatedIscsiHost.FromScenario(json).CreateConnector();</code></example>
    public IVolumeConnector CreateConnector(IscsiConnectorOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null) =>
        IscsiConnectorFactory.Create(options, this, this, TimeProvider, loggerFactory, meterFactory);
}
