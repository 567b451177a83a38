using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IscsiConnector.Cli.Hosting;

/// <summary>Where log events go: progress lines on stderr, the console logger at Trace (<c>--verbose</c>), or nowhere.</summary>
internal static class CliLogging
{
    public static ILoggerFactory CreateFactory(bool verbose, bool quiet)
    {
        if (verbose)
        {
            return LoggerFactory.Create(builder => builder
                .SetMinimumLevel(LogLevel.Trace)
                .AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "HH:mm:ss.fff ";
                    o.ColorBehavior = Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled;
                })
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        }

        return quiet ? NullLoggerFactory.Instance : LoggerFactory.Create(builder => builder.AddProvider(new ProgressLoggerProvider(Console.Error)));
    }
}
