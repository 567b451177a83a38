namespace IscsiConnector.Execution;

/// <summary>
/// The rules for a root helper command line, in its two forms: a list (one item per argument, as
/// <see cref="ProcessCommandExecutorOptions.RootHelper"/> takes it) and a string for configuration files
/// and the command line (<c>"sudo -n"</c>, <c>"sudo nova-rootwrap /etc/nova/rootwrap.conf"</c>).
/// </summary>
/// <remarks>
/// <para>The string form is split on whitespace (spaces and tabs, runs count as one) and nothing else:
/// there is no quoting, no escaping and no expansion, because no shell ever sees it. So that nobody is
/// misled into thinking there is, a string holding a quote, a backslash or another character a shell would
/// interpret (<c>' " \ ` $ ; &amp; | &lt; &gt; ( ) { } [ ] * ? ~ # !</c>) is refused: write such an
/// argument in the list form.</para>
/// <para>In both forms every item is a non-empty argument without whitespace or control characters, and
/// the first item (the program) does not start with <c>-</c>.</para>
/// </remarks>
public static class RootHelperCommandLine
{
    // Characters a reader would expect a shell to interpret; refused in the string form only.
    private const string ShellCharacters = "'\"\\`$;&|<>(){}[]*?~#!";

    /// <summary>Splits a root helper string into its arguments.</summary>
    /// <param name="commandLine">E.g. <c>"sudo -n"</c> or <c>"sudo nova-rootwrap /etc/nova/rootwrap.conf"</c>.</param>
    /// <returns>The arguments, e.g. <c>["sudo", "-n"]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commandLine"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The string is empty, holds a shell character or a control character,
    /// or its program starts with <c>-</c>; the message says which and why.</exception>
    public static IReadOnlyList<string> Parse(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        if (Problem(commandLine) is { } problem)
        {
            throw new ArgumentException(problem, nameof(commandLine));
        }

        return commandLine.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Says what is wrong with a root helper string, or returns <see langword="null"/> when <see cref="Parse"/> accepts it.</summary>
    /// <param name="commandLine">The string form.</param>
    /// <returns>A sentence naming the problem, or <see langword="null"/>.</returns>
    public static string? Problem(string? commandLine)
    {
        if (string.IsNullOrWhiteSpace(commandLine))
        {
            return "The root helper is empty: give a program such as \"sudo -n\", or none at all.";
        }

        if (commandLine.FirstOrDefault(c => char.IsControl(c) && c != '\t') is var control && control != default)
        {
            return $"The root helper contains the control character U+{(int)control:X4}.";
        }

        if (commandLine.FirstOrDefault(c => ShellCharacters.Contains(c, StringComparison.Ordinal)) is var shell && shell != default)
        {
            return $"The root helper '{commandLine}' contains '{shell}': it is split on whitespace only, never by a shell " +
                "(no quoting, escaping or expansion); give such an argument in the list form instead.";
        }

        return Problem(commandLine.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Says what is wrong with a root helper list, or returns <see langword="null"/> when it is valid (an empty list is: no helper).</summary>
    /// <param name="items">The list form, one item per argument.</param>
    /// <returns>A sentence naming the problem, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public static string? Problem(IEnumerable<string?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        foreach (var item in list)
        {
            if (string.IsNullOrEmpty(item) || item.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                return $"Each root helper item must be one non-empty argument without whitespace or control characters (got '{item}'); " +
                    "write [\"sudo\", \"-n\"], not [\"sudo -n\"].";
            }
        }

        if (list.Count > 0 && list[0]!.StartsWith('-'))
        {
            return $"The root helper's program '{list[0]}' starts with '-': the first item must be the program, e.g. sudo.";
        }

        return null;
    }
}
