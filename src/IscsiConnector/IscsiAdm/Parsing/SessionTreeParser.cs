using System.Globalization;
using System.Text.RegularExpressions;

namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>Parses the session tree of <c>iscsiadm -m session -P 1</c>, <c>-P 2</c> and <c>-P 3</c>.</summary>
/// <remarks>
/// A <c>Target:</c> line opens a target; each <c>Current Portal:</c> under it opens one session. Banner
/// lines (<c>*****</c>), section titles (<c>Interface:</c>) and the version header are skipped.
/// </remarks>
internal static partial class SessionTreeParser
{
    /// <summary>Parses the standard output.</summary>
    /// <param name="output">The standard output.</param>
    /// <returns>One item per session, and any lines that were not understood.</returns>
    public static IscsiAdmParseResult<IscsiSessionDetail> Parse(string? output)
    {
        var state = new TreeState();
        foreach (var line in PortalText.Lines(output).Where(l => l.Length > 0))
        {
            if (!state.Accept(line))
            {
                state.Unparsed.Add(line);
            }
        }

        state.Flush();
        return new IscsiAdmParseResult<IscsiSessionDetail>(state.Sessions, state.Unparsed);
    }

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Target:\s+(?<name>\S+)(?:\s+\((?<flash>flash|non-flash)\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetPattern();

    [GeneratedRegex(@"^Host Number:\s+(?<host>\d+)\s+State:\s+(?<state>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^scsi(?<host>\d+)\s+Channel\s+(?<channel>\d+)\s+Id\s+(?<id>\d+)\s+Lun:\s+(?<lun>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DevicePattern();

    [GeneratedRegex(@"^Attached scsi disk\s+(?<disk>\S+)\s+State:\s+(?<state>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DiskPattern();

    [GeneratedRegex(@"^(?<key>[^:]+?):\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyPattern();
}
