using IscsiConnector.Readiness;
using IscsiConnector.Linux.Internal;

namespace IscsiConnector.Linux;

/// <content>iscsiadm looked up where starting it would look (<c>PATH</c>), without starting it.</content>
internal sealed partial class OpenIscsiHostProbe
{
    private HostCheckItem LocateIscsiAdm(IReadOnlyList<string> searchPath)
    {
        foreach (var dir in searchPath)
        {
            var candidate = dir.TrimEnd('/') + "/iscsiadm";
            // Resolved, not merely present: a link left dangling by a removed package (Debian's /usr/bin/iscsiadm ->
            // /sbin/iscsiadm) exists as a link, and .NET counts it, but starting it fails (seen in bed scenario 18).
            if (fileSystem.ResolvePath(candidate) is not null)
            {
                return HostCheckItem.Ok(HostRequirement.IscsiAdm, $"iscsiadm found at {candidate}");
            }
        }

        var elsewhere = new[] { "/usr/sbin/iscsiadm", "/sbin/iscsiadm" }.FirstOrDefault(p => fileSystem.ResolvePath(p) is not null);
        return HostCheckItem.Problem(
            HostRequirement.IscsiAdm,
            elsewhere is null
                ? $"iscsiadm was not found on PATH ({string.Join(':', searchPath)}): it is not installed"
                : $"iscsiadm is at {elsewhere} but not on PATH ({string.Join(':', searchPath)})",
            HostCheckFixes.InstallOpenIscsi);
    }
}
