using Microsoft.Extensions.Logging;

namespace IscsiConnector.BedBench;

/// <summary>Puts the library's log events into the current call's record, with their time (the phase breakdown's landmarks).</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RecordingLogger();

    public void Dispose()
    {
    }

    private sealed class RecordingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug && CallRecord.Current is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var record = CallRecord.Current;
            record?.Add(new Step("event", $"{eventId.Name ?? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {formatter(state, exception)}", record.NowMs, 0, null));
        }
    }
}
