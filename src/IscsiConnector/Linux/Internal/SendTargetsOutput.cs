using IscsiConnector.IscsiAdm.Parsing;

namespace IscsiConnector.Linux.Internal;

/// <summary>
/// Turns a SendTargets answer into paths for one LUN. Lines that are not target lines (iscsiadm debug
/// noise) are skipped, as os-brick does; the line format itself is <see cref="NodeListParser"/>'s.
/// </summary>
internal static class SendTargetsOutput
{
    public static IReadOnlyList<IscsiPath> Parse(string output, int lun) =>
        NodeListParser.Parse(output).Items.Select(node => new IscsiPath(node.Portal, node.TargetName, lun)).ToList();
}
