namespace IscsiConnector.Testing.Internal;

/// <summary>What an emulated program printed and how it exited.</summary>
internal readonly record struct ToolResult(int ExitCode, string StandardOutput = "", string StandardError = "")
{
    public static ToolResult Ok(string stdout = "") => new(0, stdout);

    public static ToolResult Fail(int exitCode, string stderr) => new(exitCode, string.Empty, stderr.EndsWith('\n') ? stderr : stderr + "\n");
}
