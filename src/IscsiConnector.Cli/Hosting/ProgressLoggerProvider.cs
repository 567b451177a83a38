using Microsoft.Extensions.Logging;

namespace IscsiConnector.Cli.Hosting;

/// <summary>
/// Turns the connector's Information and higher events (portal tried, failover, session, device found) into
/// short human lines on standard error, so progress is visible without <c>--verbose</c> while standard
/// output carries only JSON. The messages come from the library's log templates, which never hold a secret.
/// </summary>
internal sealed class ProgressLoggerProvider(TextWriter output) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new ProgressLogger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message)
    {
        var prefix = level switch
        {
            LogLevel.Warning => "iscsi-connector: warning: ",
            >= LogLevel.Error => "iscsi-connector: error: ",
            _ => "iscsi-connector: ",
        };
        lock (_gate)
        {
            output.WriteLine(prefix + message.ReplaceLineEndings(" "));
            output.Flush();
        }
    }

    private sealed class ProgressLogger(ProgressLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, formatter(state, exception));
            }
        }
    }
}
