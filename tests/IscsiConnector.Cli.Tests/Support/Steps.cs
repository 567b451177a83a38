using System.Text.Json;
using System.Text.RegularExpressions;

namespace IscsiConnector.Cli.Tests.Support;

/// <summary>Step lists in one text form, from a <c>plan</c> JSON or from a <c>--verbose</c> run's trace lines.</summary>
public static partial class Steps
{
    /// <summary>The steps of a <c>plan</c> document: command lines, and sysfs writes as <c>write 'value' &gt; path</c>.</summary>
    public static List<string> FromPlan(JsonElement plan) =>
        plan.GetProperty("steps").EnumerateArray()
            .Select(s => s.GetProperty("type").GetString() == "command"
                ? s.GetProperty("command").GetString()!
                : $"write '{s.GetProperty("value").GetString()}' > {s.GetProperty("path").GetString()}")
            .ToList();

    /// <summary>What a <c>--simulate --verbose</c> run actually executed, from its Trace lines (events 5001 and 5003).</summary>
    public static List<string> FromTrace(string stderr)
    {
        var steps = new List<string>();
        foreach (var line in stderr.Split('\n'))
        {
            if (RunningLine().Match(line) is { Success: true } run)
            {
                steps.Add(run.Groups[1].Value.TrimEnd('\r'));
            }
            else if (WritingLine().Match(line) is { Success: true } write)
            {
                steps.Add($"write '{write.Groups[1].Value}' > {write.Groups[2].Value.TrimEnd('\r')}");
            }
        }

        return steps;
    }

    /// <summary>The <c>-p</c> portal of an iscsiadm step, or <see langword="null"/>.</summary>
    public static string? PortalOf(string step)
    {
        var parts = step.Split(' ');
        var index = Array.IndexOf(parts, "-p");
        return index >= 0 && index + 1 < parts.Length ? parts[index + 1] : null;
    }

    /// <summary>Replaces the SCSI host numbers, which follow login completion order when logins run in parallel.</summary>
    public static string WithoutHostNumber(string step) => HostNumber().Replace(step, "host*");

    [GeneratedRegex(@"\[5001\] Running (.*)$")]
    private static partial Regex RunningLine();

    [GeneratedRegex(@"\[5003\] Writing '(.*)' to (.*)$")]
    private static partial Regex WritingLine();

    [GeneratedRegex(@"host\d+")]
    private static partial Regex HostNumber();
}
