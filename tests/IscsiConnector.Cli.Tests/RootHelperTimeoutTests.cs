using System.Diagnostics;
using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

/// <summary>
/// A command run through a root helper (<c>sudo -n …</c>) that times out: the executor kills the process tree, but an
/// unprivileged tool may not signal sudo's root-owned child, and .NET reports that as an <see cref="AggregateException"/>
/// from <see cref="Process.Kill(bool)"/>. The executor must still report a plain timeout (so an attach undoes what it
/// made, and the check names the hung command) instead of letting that escape as an unexpected failure (exit 1).
/// </summary>
/// <remarks>
/// The test process runs as root, and root may signal anything (CAP_KILL), so the kill cannot fail in-process. The same
/// situation is staged with the roles kept and the privileges swapped: the tool runs as root without CAP_KILL (setpriv
/// drops it from the bounding set, so no exec gets it back), and the stand-in for sudo runs its hanging child under uid
/// 65534 (a number only, no account needed). A sender may signal a process only with CAP_KILL or a matching uid, so the
/// kill of that child fails exactly as sudo's root child does for an unprivileged tool.
/// </remarks>
public sealed class RootHelperTimeoutTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("iscsi-connector-sudo-").FullName;

    private string ChildPidFile => Path.Combine(_directory, "child.pid");

    [RootFact]
    public async Task Check_TimedOutCommandWhoseHelperChildCannotBeKilled_ReportsTheTimeoutNotAFailure()
    {
        var helper = WriteHangingHelper();

        // The host check runs '<helper> iscsiadm --version' with a 10 s timeout.
        var result = await Tool.RunProgramAsync(RootFactAttribute.SetPriv, ["--bounding-set=-kill", "--", "dotnet", Tool.ToolPath, "check", "--root-helper", helper]);

        ChildIsAlive().Should().BeTrue("the helper's child must have outlived the kill, or this test did not stage a failed kill\n" + result);
        result.ExitCode.Should().Be(8, "a hung iscsiadm is a host problem the check reports, not an unexpected failure (exit 1)\n" + result);
        result.StderrLines.Should().Contain(l => l.Contains("Could not kill the process tree", StringComparison.Ordinal), result.ToString());
        var iscsiadm = result.Json().GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("requirement").GetString() == "iscsiadm");
        iscsiadm.GetProperty("status").GetString().Should().Be("problem");
        iscsiadm.GetProperty("detail").GetString().Should().Be("'iscsiadm --version' did not finish within 10 s");
    }

    public void Dispose()
    {
        // The child is beyond the tool's reach by design; the test process (root) ends it.
        if (ChildIsAlive())
        {
            using var child = Process.GetProcessById(ChildPid()!.Value);
            child.Kill();
            child.WaitForExit(TimeSpan.FromSeconds(10));
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A stand-in for sudo: starts a child that hangs, under a uid the tool may not signal, and waits for it as sudo does.</summary>
    private string WriteHangingHelper()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The stand-in for sudo is a Linux shell script.");
        }

        var path = Path.Combine(_directory, "fake-sudo");
        File.WriteAllText(path, $"""
            #!/bin/sh
            {RootFactAttribute.SetPriv} --reuid=65534 --regid=65534 --clear-groups -- sleep 300 </dev/null >/dev/null 2>&1 &
            echo $! > '{ChildPidFile}'
            wait
            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private int? ChildPid() => File.Exists(ChildPidFile) && int.TryParse(File.ReadAllText(ChildPidFile).Trim(), out var pid) ? pid : null;

    // Alive and still the helper's child (uid 65534), not a recycled pid.
    private bool ChildIsAlive() =>
        ChildPid() is { } pid && File.Exists($"/proc/{pid}/status")
        && File.ReadLines($"/proc/{pid}/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries).Skip(1).All(id => id == "65534"));
}
