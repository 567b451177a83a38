using System.Diagnostics;
using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

public sealed class InterruptTests
{
    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Connect_SignalWhileLoggingIn_ExitsWithTheShellsCodeOneLineAndNoJson(string signal, int exitCode)
    {
        // Real time: the blackholed primary holds the login for 5 s, long enough to interrupt it.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Tool.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Tool.ToolPath, "connect", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--no-probe" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new List<string>();
        // Timed from the login, not from process start: a loaded 2-core runner can take seconds to start dotnet.
        var watch = new Stopwatch();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            stderr.Add(line);
            if (line.Contains("Logging in to 127.0.0.1:3260", StringComparison.Ordinal))
            {
                watch.Start();
                using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }
        }

        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(exitCode, string.Join('\n', stderr));
        stderr.Last().Should().Be("iscsi-connector: error: interrupted; whatever this attach had created was undone.");
        (await stdout).Should().BeEmpty();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4), "the dead portal's 5 s login was cut short, not waited out");
    }
}
