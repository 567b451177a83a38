using IscsiConnector.Internal;

namespace IscsiConnector;

/// <summary>
/// An external command failed, timed out or could not be started. Carries the redacted command line,
/// the exit code, what kind of failure it means (<see cref="Kind"/>, for the programs this library interprets) and
/// the trimmed standard error.
/// </summary>
public sealed class IscsiCommandException : IscsiException
{
    /// <summary>The most standard error text kept on the exception.</summary>
    public const int MaxStandardErrorLength = 2000;

    /// <summary>Initializes a new instance of the <see cref="IscsiCommandException"/> class.</summary>
    /// <param name="program">The program that failed (e.g. <c>iscsiadm</c>), without any root helper prefix.</param>
    /// <param name="commandLine">The command line with secrets already masked.</param>
    /// <param name="exitCode">The process exit code, or <see langword="null"/> if it never exited normally.</param>
    /// <param name="standardError">What the process wrote to standard error (trimmed here).</param>
    /// <param name="message">A sentence saying what failed and how to fix it.</param>
    /// <param name="timedOut">Whether the process was killed because it exceeded its timeout.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <param name="kind">What the exit code means, when the program is one this library interprets (<c>iscsiadm</c>).</param>
    public IscsiCommandException(
        string program,
        string commandLine,
        int? exitCode,
        string? standardError,
        string message,
        bool timedOut = false,
        Exception? innerException = null,
        IscsiErrorKind kind = IscsiErrorKind.Unknown)
        : base(message, innerException)
    {
        Kind = kind;
        Program = program;
        CommandLine = commandLine;
        ExitCode = exitCode;
        StandardError = Trim(standardError);
        TimedOut = timedOut;
    }

    /// <summary>Gets the program that failed, e.g. <c>iscsiadm</c>.</summary>
    public string Program { get; }

    /// <summary>Gets the command line, with secret arguments shown as <c>***</c>.</summary>
    public string CommandLine { get; }

    /// <summary>Gets the process exit code, or <see langword="null"/> if the process did not exit by itself.</summary>
    public int? ExitCode { get; }

    /// <summary>Gets what kind of failure the exit code means; <see cref="IscsiErrorKind.Unknown"/> for programs this library does not interpret and for processes that did not exit.</summary>
    public IscsiErrorKind Kind { get; }

    /// <summary>Gets the trimmed standard error of the process.</summary>
    public string StandardError { get; }

    /// <summary>Gets a value indicating whether the process was killed for exceeding its timeout.</summary>
    public bool TimedOut { get; }

    /// <summary>Gets a value indicating whether the failure was an authentication (CHAP) failure.</summary>
    public bool IsAuthenticationFailure => Kind == IscsiErrorKind.AuthenticationFailed;

    /// <inheritdoc />
    public override bool IsTransient => Kind.IsTransient();

    private static string Trim(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        return trimmed.Length <= MaxStandardErrorLength ? trimmed : trimmed[..MaxStandardErrorLength] + "…";
    }
}
