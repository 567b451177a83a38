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
            if (fileSystem.Exists(candidate))
            {
                return HostCheckItem.Ok(HostRequirement.IscsiAdm, $"iscsiadm found at {candidate}");
            }
        }

        var elsewhere = new[] { "/usr/sbin/iscsiadm", "/sbin/iscsiadm" }.FirstOrDefault(fileSystem.Exists);
        return HostCheckItem.Problem(
            HostRequirement.IscsiAdm,
            elsewhere is null
                ? $"iscsiadm was not found on PATH ({string.Join(':', searchPath)}): it is not installed"
                : $"iscsiadm is at {elsewhere} but not on PATH ({string.Join(':', searchPath)})",
            HostCheckFixes.InstallOpenIscsi);
    }
}
