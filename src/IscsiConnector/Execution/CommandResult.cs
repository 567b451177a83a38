namespace IscsiConnector.Execution;

/// <summary>What a finished process printed and how it exited. Standard output and error are kept apart.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">Everything written to standard output.</param>
/// <param name="StandardError">Everything written to standard error.</param>
/// <param name="Duration">Wall-clock time from start to exit.</param>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration)
{
    /// <summary>Gets a value indicating whether the process exited with code 0.</summary>
    public bool IsSuccess => ExitCode == 0;
}
