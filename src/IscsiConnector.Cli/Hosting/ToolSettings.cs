using System.CommandLine;
using System.Globalization;
using Fallback = IscsiConnector.Transports.TransportFallback;

namespace IscsiConnector.Cli.Hosting;

/// <summary>The common options, checked before anything runs; every problem is a <see cref="UsageException"/> naming the option.</summary>
internal sealed record ToolSettings
{
    public bool Multipath { get; init; }

    public string? Transport { get; init; }

    public Fallback? TransportFallback { get; init; }

    public TimeSpan? LoginTimeout { get; init; }

    public bool NoProbe { get; init; }

    public IReadOnlyList<string> RootHelper { get; init; } = [];

    public string? LockDirectory { get; init; }

    public bool Verbose { get; init; }

    public string? ScenarioPath { get; init; }

    public double TimeScale { get; init; } = 1;

    public bool IsSimulated => ScenarioPath is not null;

    public IscsiPlatform Platform { get; init; }

    /// <summary>Gets a value indicating whether the connector drives the Windows initiator (asked for, or running on Windows).</summary>
    public bool IsWindows => Platform == IscsiPlatform.Windows || (Platform == IscsiPlatform.Auto && OperatingSystem.IsWindows());

    public static ToolSettings From(ParseResult result, CliOptions options)
    {
        var transport = result.GetValue(options.Transport) ?? result.GetValue(options.AttachedTransport);
        if (transport is not null && !IsWord(transport))
        {
            throw new UsageException($"--transport: '{Printable(transport)}' is not an interface name (one word, not starting with '-').");
        }

        var fallback = result.GetValue(options.TransportFallback) switch
        {
            null => (Fallback?)null,
            "tcp" => Fallback.FallBackToTcp,
            "fail" => Fallback.Fail,
            var other => throw new UsageException($"--transport-fallback: '{Printable(other)}' is not one of tcp, fail."),
        };

        int? seconds = result.GetResult(options.LoginTimeout) is null ? null : result.GetValue(options.LoginTimeout);
        if (seconds is < 1 or > 600)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--login-timeout: {seconds} is out of range; give 1 to 600 seconds."));
        }

        var scenario = result.GetValue(options.Simulate);
        if (scenario is not null && !File.Exists(scenario))
        {
            throw new UsageException($"--simulate: scenario file '{Printable(scenario)}' does not exist.");
        }

        var platform = result.GetValue(options.Platform) switch
        {
            null or "auto" => IscsiPlatform.Auto,
            "linux" => IscsiPlatform.Linux,
            "windows" => IscsiPlatform.Windows,
            var other => throw new UsageException($"--platform: '{Printable(other)}' is not one of auto, linux, windows."),
        };

        var lockDirectory = result.GetValue(options.LockDirectory);
        if (lockDirectory is not null && (!Path.IsPathFullyQualified(lockDirectory) || lockDirectory.Any(char.IsControl)))
        {
            throw new UsageException($"--lock-dir: '{Printable(lockDirectory)}' is not an absolute path (or contains a control character).");
        }

        double? scale = result.GetResult(options.TimeScale) is null ? null : result.GetValue(options.TimeScale);
        if (scale is not null && (scenario is null || !(scale >= 0 && scale <= 100)))
        {
            throw new UsageException(scenario is null
                ? "--time-scale: only meaningful with --simulate."
                : string.Create(CultureInfo.InvariantCulture, $"--time-scale: {scale} is out of range; give a factor from 0 (virtual time) to 100."));
        }

        return new ToolSettings
        {
            Multipath = result.GetValue(options.Multipath) || result.GetValue(options.AttachedMultipath) || result.GetValue(options.ReportedMultipath),
            Transport = transport,
            TransportFallback = fallback,
            LoginTimeout = seconds is { } s ? TimeSpan.FromSeconds(s) : null,
            NoProbe = result.GetValue(options.NoProbe),
            RootHelper = SplitRootHelper(result.GetValue(options.RootHelper)),
            LockDirectory = lockDirectory,
            Verbose = result.GetValue(options.Verbose),
            ScenarioPath = scenario,
            Platform = platform,
            TimeScale = scale ?? 1,
        };
    }

    /// <summary>Builds the connector options. The root helper is among them so that sysfs writes, node-database reads and the
    /// host check go through it; the process executor (built by the session) is what puts it in front of each command.</summary>
    public IscsiConnectorOptions ToConnectorOptions()
    {
        var options = new IscsiConnectorOptions { UseMultipath = Multipath, LockDirectory = LockDirectory, Platform = Platform, RootHelper = [.. RootHelper] };
        if (Transport is not null)
        {
            options.Transport = Transport;
        }

        if (TransportFallback is { } fallback)
        {
            options.TransportFallback = fallback;
        }

        if (LoginTimeout is { } timeout)
        {
            options.LoginTimeout = timeout;
        }

        if (NoProbe)
        {
            options.ProbePortals = false;
        }

        return options;
    }

    /// <summary>"sudo -n" becomes ["sudo", "-n"]: the library's string form (RootHelperCommandLine: whitespace split, no quoting,
    /// shell characters refused; documented in docs/cli.md).</summary>
    private static string[] SplitRootHelper(string? value)
    {
        if (value is null)
        {
            return [];
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException("--root-helper: is empty; give a program such as \"sudo -n\", or leave the option out.");
        }

        if (IscsiConnector.Execution.RootHelperCommandLine.Problem(value) is { } problem)
        {
            throw new UsageException($"--root-helper: {Printable(problem)}");
        }

        return [.. IscsiConnector.Execution.RootHelperCommandLine.Parse(value)];
    }

    internal static bool IsWord(string value) =>
        value.Length > 0 && value[0] != '-' && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>Makes a value safe to echo on one line.</summary>
    internal static string Printable(string value) =>
        new(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
