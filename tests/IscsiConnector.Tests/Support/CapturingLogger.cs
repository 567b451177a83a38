using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Tests.Support;

/// <summary>One captured log event.</summary>
/// <param name="Level">The level.</param>
/// <param name="EventId">The event id.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception, if any.</param>
/// <param name="State">The structured state (placeholder names and values).</param>
public sealed record CapturedLogEntry(
    LogLevel Level,
    EventId EventId,
    string Message,
    Exception? Exception,
    IReadOnlyList<KeyValuePair<string, object?>> State)
{
    /// <summary>Gets every text of this entry a secret could hide in: message, state values, exception chain.</summary>
    public string AllText
    {
        get
        {
            var parts = new List<string> { Message };
            parts.AddRange(State.Select(kv => $"{kv.Key}={kv.Value}"));
            for (var e = Exception; e is not null; e = e.InnerException)
            {
                parts.Add(e.ToString());
            }

            return string.Join('\n', parts);
        }
    }
}

/// <summary>A logger that records every event at every level, for assertions. Thread-safe.</summary>
public class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<CapturedLogEntry> entries = new();

    /// <summary>Gets the captured entries, oldest first.</summary>
    public IReadOnlyList<CapturedLogEntry> Entries => entries.ToArray();

    /// <summary>Gets the entries with the given event id.</summary>
    public IReadOnlyList<CapturedLogEntry> WithEventId(int id) => Entries.Where(e => e.EventId.Id == id).ToArray();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var pairs = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        entries.Enqueue(new CapturedLogEntry(logLevel, eventId, formatter(state, exception), exception, pairs.ToArray()));
    }
}

/// <summary>The typed variant, for constructors that take <see cref="ILogger{TCategoryName}"/>.</summary>
/// <typeparam name="T">The category.</typeparam>
public sealed class CapturingLogger<T> : CapturingLogger, ILogger<T>
{
}
