namespace IscsiConnector;

/// <content>Event ids of command execution (range 1000–1099).</content>
public static partial class IscsiEventIds
{
    /// <summary>Trace: a command is about to run (redacted command line).</summary>
    public const int CommandStarting = 1000;

    /// <summary>Debug: a command finished (exit code and duration).</summary>
    public const int CommandFinished = 1001;

    /// <summary>Warning: a command exceeded its timeout and its process tree was killed.</summary>
    public const int CommandTimedOut = 1002;

    /// <summary>Debug: a command was cancelled by the caller and its process tree was killed.</summary>
    public const int CommandCanceled = 1003;

    /// <summary>Debug: a command could not be started (program missing or not executable).</summary>
    public const int CommandStartFailed = 1004;

    /// <summary>Warning: killing a command's process tree failed (e.g. a root-owned child under <c>sudo</c>).</summary>
    public const int CommandKillFailed = 1005;
}
