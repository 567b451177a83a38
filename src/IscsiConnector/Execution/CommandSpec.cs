using System.Text;

namespace IscsiConnector.Execution;

/// <summary>
/// An immutable description of one process to run: the program, its arguments as a list (never a
/// shell string), optional standard input and an optional timeout.
/// </summary>
public sealed record CommandSpec
{
    /// <summary>Initializes a new command.</summary>
    /// <param name="fileName">The program, e.g. <c>iscsiadm</c>.</param>
    /// <param name="arguments">The arguments, one element per argument.</param>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty.</exception>
    public CommandSpec(string fileName, IEnumerable<CommandArgument> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        FileName = fileName;
        Arguments = arguments.ToArray();
    }

    /// <summary>Initializes a new command from plain (non-secret) arguments.</summary>
    /// <param name="fileName">The program, e.g. <c>iscsiadm</c>.</param>
    /// <param name="arguments">The arguments, one element per argument.</param>
    public CommandSpec(string fileName, params string[] arguments)
        : this(fileName, arguments.Select(CommandArgument.FromString))
    {
    }

    /// <summary>Gets the program to run.</summary>
    public string FileName { get; }

    /// <summary>Gets the arguments, in order.</summary>
    public IReadOnlyList<CommandArgument> Arguments { get; }

    /// <summary>Gets the text written to the process's standard input, or <see langword="null"/> for none.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Gets a value indicating whether <see cref="StandardInput"/> holds a secret and must never be displayed.</summary>
    public bool StandardInputIsSecret { get; init; }

    /// <summary>
    /// Gets variables added to the child's environment (and only the child's): data for a script that must
    /// not become part of its source, or a secret that must not appear on a command line. Secret values are
    /// masked like secret arguments; names are never secret.
    /// </summary>
    public IReadOnlyDictionary<string, CommandArgument> Environment { get; init; } = new Dictionary<string, CommandArgument>();

    /// <summary>Gets the longest the process may run before its tree is killed, or <see langword="null"/> for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the argument values as the process receives them (secrets included).</summary>
    public IEnumerable<string> ArgumentValues => Arguments.Select(a => a.Value);

    /// <summary>Gets the command line for display, with secret arguments shown as <c>***</c>.</summary>
    /// <returns>A redacted, human-readable command line (quoting is for display only; nothing is ever run through a shell).</returns>
    public string ToDisplayString()
    {
        var builder = new StringBuilder(FileName);
        foreach (var argument in Arguments)
        {
            builder.Append(' ');
            var text = argument.Display;
            builder.Append(text.Length == 0 || text.Any(char.IsWhiteSpace) ? $"'{text}'" : text);
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToDisplayString();
}
