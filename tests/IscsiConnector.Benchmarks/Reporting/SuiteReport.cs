using System.Globalization;
using System.Text;

namespace IscsiConnector.Benchmarks.Reporting;

/// <summary>What one suite measured: the table, notes saying what the peer is, and sanity problems that fail the suite.</summary>
public sealed class SuiteReport(string name, string title)
{
    public string Name { get; } = name;

    public string Title { get; } = title;

    public List<Figure> Figures { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>Gets things that make the figures meaningless (an attach that failed, a leak): they fail the suite.</summary>
    public List<string> Problems { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public bool Passed => Problems.Count == 0 && Figures.All(f => f.Passed != false);

    public string Render()
    {
        string[] header = ["Measure", "IscsiConnector", "Peer", "Ratio", "Target", "Result"];
        var rows = Figures.Select(f => new[]
        {
            f.Measure,
            f.Ours,
            f.Peer,
            f.Ratio is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "",
            f.Target ?? "",
            f.Passed switch { true => "PASS", false => "FAIL", null => "" },
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## {Name}: {Title}  ({Elapsed.TotalSeconds:0.0} s)\n\n");
        AppendRow(text, header, widths);
        AppendRow(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        text.Append('\n');
        foreach (var note in Notes)
        {
            text.Append("* ").Append(note).Append('\n');
        }

        foreach (var problem in Problems)
        {
            text.Append("* PROBLEM: ").Append(problem).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"\nSuite {Name}: {(Passed ? "PASS" : "FAIL")}\n");
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(' ').Append(cells[i].PadRight(widths[i])).Append(" |");
        }

        text.Append('\n');
    }
}
