using Microsoft.Extensions.Logging;

namespace IscsiConnector.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = IscsiEventIds.HostChecked, Level = LogLevel.Debug, Message = "Host check finished in {ElapsedMs} ms (ready: {Ready}): {Findings}")]
    public static partial void HostChecked(ILogger logger, long elapsedMs, bool ready, string findings);

    [LoggerMessage(EventId = IscsiEventIds.HostNotReady, Level = LogLevel.Error, Message = "The host is not ready to attach ({Count} problem(s), found in {ElapsedMs} ms): {Problems}")]
    public static partial void HostNotReady(ILogger logger, int count, long elapsedMs, string problems);
}
