using IscsiConnector.Readiness;
using IscsiConnector.Readiness.Internal;
using IscsiConnector.Linux.Internal;
using IscsiConnector.Transports;

namespace IscsiConnector.Linux;

/// <content>The transport check: loaded (<c>/sys/class/iscsi_transport/&lt;name&gt;</c>) or loadable (listed for the running kernel).</content>
internal sealed partial class OpenIscsiHostProbe
{
    private HostCheckItem Transport(HostCheckSettings settings)
    {
        // A non-default iface is examined when the attach selects it (missing, wrong hardware: IscsiIfaceManager); what
        // must be there regardless is the transport the attach ends up on, TCP, unless falling back is forbidden.
        if (settings.Iface != IscsiTransports.DefaultIface && !settings.FallBackToTcp)
        {
            return HostCheckItem.Skipped(HostRequirement.Transport, $"iface {settings.Iface}: its transport is checked when the attach selects it");
        }

        const string transport = IscsiTransports.Tcp;
        const string module = "iscsi_tcp";
        if (fileSystem.Exists($"/sys/class/iscsi_transport/{transport}"))
        {
            return HostCheckItem.Ok(HostRequirement.Transport, $"transport {transport} is loaded ({module})");
        }

        // iscsid loads the module on the first login (transport_load_kmod), so a module the kernel can load is enough.
        var release = fileSystem.ReadAllText("/proc/sys/kernel/osrelease")?.Trim();
        if (release is { Length: > 0 } && IsListed(release, module))
        {
            return HostCheckItem.Ok(HostRequirement.Transport, $"transport {transport} is not loaded yet; iscsid loads {module} on the first login");
        }

        return HostCheckItem.Problem(
            HostRequirement.Transport,
            $"the kernel{(release is null ? string.Empty : " " + release)} has no {transport} transport: {module} is neither loaded (/sys/class/iscsi_transport/{transport}) nor among its modules",
            HostCheckFixes.LoadTransport(module));
    }

    private bool IsListed(string release, string module)
    {
        var marker = $"/{module}.ko";
        foreach (var list in new[] { "modules.dep", "modules.builtin" })
        {
            var text = fileSystem.ReadAllText($"/lib/modules/{release}/{list}");
            if (text is not null && (text.Contains(marker, StringComparison.Ordinal) || text.StartsWith(marker[1..], StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
