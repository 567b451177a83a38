namespace IscsiConnector.Resilience.Internal;

/// <summary>What <see cref="ConnectorPipelines"/> needs from the connector's options.</summary>
/// <param name="CommandRetries">Repeats of a login or node record command after a transient error.</param>
/// <param name="CommandRetryDelay">The first delay between them (doubling).</param>
/// <param name="FlushRetries">Repeats of a failed flush.</param>
/// <param name="FlushRetryDelay">The delay between flushes.</param>
/// <param name="DevicePollInterval">The first delay of device and map polls (doubling to 2 s).</param>
internal sealed record RetrySettings(int CommandRetries, TimeSpan CommandRetryDelay, int FlushRetries, TimeSpan FlushRetryDelay, TimeSpan DevicePollInterval);
