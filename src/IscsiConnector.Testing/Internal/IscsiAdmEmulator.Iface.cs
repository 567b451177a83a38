using System.Text;

namespace IscsiConnector.Testing.Internal;

internal sealed partial class IscsiAdmEmulator
{
    private ToolResult Iface(IscsiAdmArguments args)
    {
        lock (state.Gate)
        {
            if (args.Iface is not { } name)
            {
                // Captured (iface-create.txt): sorted by name, "name transport,hwaddress,ipaddress,net_ifacename,initiatorname".
                return ToolResult.Ok(string.Concat(state.Ifaces.Order(StringComparer.Ordinal).Select(i => $"{i} {Transport(i)},{HwAddress(i) ?? "<empty>"},<empty>,<empty>,<empty>\n")));
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
                state.IfaceHwAddresses.Remove(name);
                return ToolResult.Ok($"{name} unbound and deleted.\n");
            }

            if (args.HasOp("update"))
            {
                foreach (var (key, value) in args.Updates)
                {
                    if (key == "iface.transport_name")
                    {
                        state.IfaceTransports[name] = value;
                    }
                    else if (key == "iface.hwaddress")
                    {
                        state.IfaceHwAddresses[name] = value;
                    }
                }

                return ToolResult.Ok($"{name} updated.\n");
            }

            var text = new StringBuilder("# BEGIN RECORD 2.1.8\n");
            text.Append("iface.iscsi_ifacename = ").Append(name).Append('\n');
            text.Append("iface.net_ifacename = <empty>\niface.ipaddress = <empty>\n");
            text.Append("iface.hwaddress = ").Append(HwAddress(name) ?? "<empty>").Append('\n');
            text.Append("iface.transport_name = ").Append(Transport(name)).Append('\n');
            text.Append("iface.initiatorname = <empty>\n# END RECORD\n");
            return ToolResult.Ok(text.ToString());
        }
    }
}
