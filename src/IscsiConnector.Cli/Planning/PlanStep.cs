using IscsiConnector.Execution;

namespace IscsiConnector.Cli.Planning;

/// <summary>One thing an operation does to the host: a command run or a sysfs write. Secrets are masked at creation.</summary>
/// <param name="Kind"><c>command</c> or <c>write</c>.</param>
/// <param name="Argv">For a command: the program and its arguments, secrets as <c>***</c>.</param>
/// <param name="Path">For a write: the file written.</param>
/// <param name="Value">For a write: the text written.</param>
internal sealed record PlanStep(string Kind, IReadOnlyList<string> Argv, string? Path, string? Value)
{
    public static PlanStep Command(CommandSpec command) =>
        new("command", [command.FileName, .. command.Arguments.Select(a => a.Display)], null, null);

    public static PlanStep Write(string path, string value) => new("write", [], path, value);

    /// <summary>Gets the step as one display line (the redacted command line, or <c>write &lt;value&gt; &gt; &lt;path&gt;</c>).</summary>
    public string Display => Kind == "command"
        ? string.Join(' ', Argv.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a))
        : $"write '{Value}' > {Path}";

    /// <summary>Gets the portal (<c>-p</c> value) of an <c>iscsiadm</c> command, or <see langword="null"/>.</summary>
    public string? Portal => Option("-p");

    /// <summary>Gets the value after <paramref name="name"/> in the arguments (<c>-p</c>, <c>-T</c>), or <see langword="null"/>.</summary>
    public string? Option(string name)
    {
        var index = Argv.ToList().IndexOf(name);
        return index >= 0 && index + 1 < Argv.Count ? Argv[index + 1] : null;
    }
}
