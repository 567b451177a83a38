using System.Diagnostics;

namespace IscsiConnector.Tests.Execution;

/// <summary>Checks on other processes through /proc (Linux only).</summary>
internal static class ProcessProbe
{
    /// <summary>Gets a value indicating whether the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The state follows the parenthesised command name: "123 (sleep) S …".
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Waits (bounded) for a killed process to disappear; SIGKILL delivery is asynchronous.</summary>
    public static bool WaitUntilGone(int pid) => SpinWait.SpinUntil(() => !IsAlive(pid), TimeSpan.FromSeconds(10));
}

/// <summary>A temporary file removed on dispose, into which a test script writes a pid.</summary>
internal sealed class TempFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"iscsi-exec-{Guid.NewGuid():N}.pid");

    /// <summary>Waits until the script has written a pid and <paramref name="alsoReady"/> holds.</summary>
    public int WaitForPid(Func<bool> alsoReady)
    {
        var pid = 0;
        var ok = SpinWait.SpinUntil(
            () => File.Exists(Path) && int.TryParse(File.ReadAllText(Path).Trim(), out pid) && alsoReady(),
            TimeSpan.FromSeconds(30));
        Debug.Assert(ok, "the child script never wrote its grandchild's pid");
        if (!ok)
        {
            throw new TimeoutException($"No pid appeared in {Path}.");
        }

        return pid;
    }

    public void Dispose() => File.Delete(Path);
}
