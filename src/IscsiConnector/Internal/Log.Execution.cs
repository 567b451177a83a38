using Microsoft.Extensions.Logging;

namespace IscsiConnector.Internal;

/// <content>Log messages of <c>ProcessCommandExecutor</c>. Command lines passed here are already redacted.</content>
internal static partial class Log
{
    [LoggerMessage(EventId = IscsiEventIds.CommandStarting, Level = LogLevel.Trace,
        Message = "Running {CommandLine} (standard input: {StandardInput}, timeout: {Timeout})")]
    public static partial void CommandStarting(ILogger logger, string commandLine, string standardInput, string timeout);

    [LoggerMessage(EventId = IscsiEventIds.CommandFinished, Level = LogLevel.Debug,
        Message = "{Program} exited with code {ExitCode} after {DurationMs} ms")]
    public static partial void CommandFinished(ILogger logger, string program, int exitCode, long durationMs);

    [LoggerMessage(EventId = IscsiEventIds.CommandTimedOut, Level = LogLevel.Warning,
        Message = "{CommandLine} exceeded its timeout of {Timeout}; its process tree was killed")]
    public static partial void CommandTimedOut(ILogger logger, string commandLine, TimeSpan timeout);

    [LoggerMessage(EventId = IscsiEventIds.CommandCanceled, Level = LogLevel.Debug,
        Message = "{CommandLine} was cancelled after {DurationMs} ms; its process tree was killed")]
    public static partial void CommandCanceled(ILogger logger, string commandLine, long durationMs);

    [LoggerMessage(EventId = IscsiEventIds.CommandStartFailed, Level = LogLevel.Debug,
        Message = "Could not start {Program} for {CommandLine}")]
    public static partial void CommandStartFailed(ILogger logger, string program, string commandLine, Exception exception);

    [LoggerMessage(EventId = IscsiEventIds.CommandKillFailed, Level = LogLevel.Warning,
        Message = "Could not kill the process tree of {Program} (pid {ProcessId})")]
    public static partial void CommandKillFailed(ILogger logger, string program, int processId, Exception exception);
}
