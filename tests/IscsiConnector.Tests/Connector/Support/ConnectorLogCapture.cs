using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Tests.Connector.Support;

/// <summary>Captures every log event (formatted message and structured values) at every level, for secret checks.</summary>
internal sealed class ConnectorLogCapture : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message, string Values)> Events { get; } = new();

    public string AllText => string.Join("\n", Events.Select(e => e.Message + " | " + e.Values));

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        Events.Enqueue((logLevel, eventId, formatter(state, exception) + (exception is null ? string.Empty : " " + exception), values));
    }

    public void Dispose()
    {
    }
}
