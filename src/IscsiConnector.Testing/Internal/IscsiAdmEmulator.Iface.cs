using System.Text;

namespace IscsiConnector.Testing.Internal;

internal sealed partial class IscsiAdmEmulator
{
    private static readonly HashSet<string> BoundFields = new(StringComparer.Ordinal) { "iface.hwaddress", "iface.ipaddress", "iface.net_ifacename", "iface.initiatorname" };

    private ToolResult Iface(IscsiAdmArguments args)
    {
        lock (state.Gate)
        {
            if (args.Iface is not { } name)
            {
                // Captured (iface-create.txt): sorted by name, "name transport,hwaddress,ipaddress,net_ifacename,initiatorname".
                return ToolResult.Ok(string.Concat(state.Ifaces.Order(StringComparer.Ordinal).Select(i =>
                    $"{i} {Transport(i)},{Field(i, "iface.hwaddress")},{Field(i, "iface.ipaddress")},{Field(i, "iface.net_ifacename")},{Field(i, "iface.initiatorname")}\n")));
            }

            var exists = state.Ifaces.Contains(name, StringComparer.Ordinal);
            if (args.HasOp("new"))
            {
                if (exists)
                {
                    return ToolResult.Fail(6, $"iscsiadm: Could not create new interface {name}.");
                }

                state.Ifaces.Add(name);
                state.IfaceTransports[name] = "tcp";
                // Captured (iface-create.txt): iscsiadm writes the record, then reports it as added.
                return ToolResult.Ok($"{name} updated.\nNew interface {name} added\n");
            }

            if (!exists)
            {
                return UnknownIfaceRecord(name);
            }

            if (args.HasOp("delete"))
            {
                if (name is "default" or "iser")
                {
                    return ToolResult.Fail(7, $"iscsiadm: Can not delete the built-in iface {name}.");
                }

                state.Ifaces.Remove(name);
                state.IfaceTransports.Remove(name);
                state.IfaceFields.Remove(name);
                return ToolResult.Ok($"{name} unbound and deleted.\n");
            }

            if (args.HasOp("update"))
            {
                // iscsiadm's iface_conf_update: an iface bound by hwaddress cannot be rebound by net_ifacename.
                if (HwAddress(name) is { Length: > 0 } bound && bound != "<empty>" && args.Updates.Any(u => u.Key == "iface.net_ifacename"))
                {
                    return ToolResult.Fail(7, "iscsiadm: Can not update interface binding from hwaddress to net_ifacename. You must delete the interface and create a new one");
                }

                foreach (var (key, value) in args.Updates)
                {
                    if (key == "iface.transport_name")
                    {
                        state.IfaceTransports[name] = value;
                    }
                    else if (BoundFields.Contains(key))
                    {
                        // Kept so that show and list read back what was written (iface create is checked by reading back).
                        (state.IfaceFields.TryGetValue(name, out var fields) ? fields : state.IfaceFields[name] = new(StringComparer.Ordinal))[key] = value;
                    }
                }

                return ToolResult.Ok($"{name} updated.\n");
            }

            var text = new StringBuilder("# BEGIN RECORD 2.1.8\n");
            text.Append("iface.iscsi_ifacename = ").Append(name).Append('\n');
            text.Append("iface.net_ifacename = ").Append(Field(name, "iface.net_ifacename")).Append('\n');
            text.Append("iface.ipaddress = ").Append(Field(name, "iface.ipaddress")).Append('\n');
            text.Append("iface.hwaddress = ").Append(Field(name, "iface.hwaddress")).Append('\n');
            text.Append("iface.transport_name = ").Append(Transport(name)).Append('\n');
            text.Append("iface.initiatorname = ").Append(Field(name, "iface.initiatorname")).Append("\n# END RECORD\n");
            return ToolResult.Ok(text.ToString());
        }
    }

    private string Field(string iface, string key) =>
        state.IfaceFields.TryGetValue(iface, out var fields) && fields.TryGetValue(key, out var value) ? value : "<empty>";
}
