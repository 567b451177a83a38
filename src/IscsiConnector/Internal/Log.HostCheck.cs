using Microsoft.Extensions.Logging;

namespace IscsiConnector.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = IscsiEventIds.HostReady, Level = LogLevel.Debug, Message = "Host check passed in {ElapsedMs} ms: {Findings}")]
    public static partial void HostReady(ILogger logger, long elapsedMs, string findings);

    [LoggerMessage(EventId = IscsiEventIds.HostNotReady, Level = LogLevel.Error, Message = "Host check found {Count} problem(s) in {ElapsedMs} ms: {Problems}")]
    public static partial void HostNotReady(ILogger logger, int count, long elapsedMs, string problems);
}
