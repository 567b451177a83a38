using Microsoft.Extensions.Logging;

namespace IscsiConnector.Cli.Hosting;

/// <summary>The tool's own log events (event ids 5000 and above, the range reserved for the command-line sample).</summary>
internal static partial class CliLog
{
    public const string Category = "IscsiConnector.Cli";

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Logging in to {Portal} {Iqn}")]
    public static partial void LoggingIn(ILogger logger, string portal, string iqn);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Trace, Message = "Running {Command}")]
    public static partial void Running(ILogger logger, string command);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "{Program} exited with {ExitCode} after {ElapsedMs} ms")]
    public static partial void Finished(ILogger logger, string program, int exitCode, long elapsedMs);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Trace, Message = "Writing '{Value}' to {Path}")]
    public static partial void Writing(ILogger logger, string value, string path);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Simulated host: {Description}")]
    public static partial void Simulating(ILogger logger, string description);
}
