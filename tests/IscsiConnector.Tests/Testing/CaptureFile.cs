namespace IscsiConnector.Tests.Testing;

/// <summary>
/// Reads a real-bed capture (tests/system/captures/*.txt, recorded by tests/system/run.sh capture in the QEMU guest:
/// open-iscsi 2.1.8, tgt 1.0.85, multipath-tools 0.9.4, Linux 6.1) into its commands, each with stdout, stderr and
/// exit code, so that tests compare the simulated host with the real run byte for byte.
/// </summary>
internal sealed class CaptureFile
{
    private readonly List<CapturedCommand> _commands = [];

    private CaptureFile(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("$ ", StringComparison.Ordinal) || i + 1 >= lines.Length || lines[i + 1] != "--- stdout")
            {
                continue;
            }

            var command = lines[i][2..];
            var stdout = new List<string>();
            var stderr = new List<string>();
            var j = i + 2;
            for (; j < lines.Length && lines[j] != "--- stderr"; j++)
            {
                stdout.Add(lines[j]);
            }

            for (j++; j < lines.Length && !lines[j].StartsWith("--- exit code: ", StringComparison.Ordinal); j++)
            {
                stderr.Add(lines[j]);
            }

            var exit = int.Parse(lines[j]["--- exit code: ".Length..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            _commands.Add(new CapturedCommand(command, Join(stdout), Join(stderr), exit));
            i = j;
        }
    }

    public static CaptureFile Load(string name) => new(File.ReadAllText(TestBed.RepositoryFile(Path.Combine("tests", "system", "captures", name))));

    /// <summary>The first captured command whose line is exactly <paramref name="commandLine"/>.</summary>
    public CapturedCommand Command(string commandLine) =>
        _commands.Find(c => c.CommandLine == commandLine) ?? throw new InvalidOperationException($"'{commandLine}' is not in the capture.");

    /// <summary>Gets every captured command, in order.</summary>
    public IReadOnlyList<CapturedCommand> All => _commands;

    /// <summary>Every captured command whose line is exactly <paramref name="commandLine"/>, in order.</summary>
    public IReadOnlyList<CapturedCommand> Commands(string commandLine) => _commands.FindAll(c => c.CommandLine == commandLine);

    private static string Join(List<string> lines) => lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n";
}

/// <summary>One captured command line and what the real program printed.</summary>
internal sealed record CapturedCommand(string CommandLine, string StandardOutput, string StandardError, int ExitCode)
{
    public string[] Arguments => CommandLine.Split(' ')[1..];
}
