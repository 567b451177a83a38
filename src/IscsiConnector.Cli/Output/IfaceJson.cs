using System.Text.Json;
using IscsiConnector.IscsiAdm.Parsing;
using IscsiConnector.Transports;

namespace IscsiConnector.Cli.Output;

/// <summary>The JSON of the <c>iface</c> commands: open-iscsi's field names without the <c>iface.</c> prefix.</summary>
internal static class IfaceJson
{
    public static void WriteList(Utf8JsonWriter writer, IReadOnlyList<IscsiIfaceSummary> ifaces)
    {
        writer.WriteStartArray();
        foreach (var i in ifaces)
        {
            writer.WriteStartObject();
            WriteFields(writer, i.Name, i.Transport, i.HardwareAddress, i.IpAddress, i.NetIfaceName, i.InitiatorName);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary><c>iface show</c>: the iface and its hardware check.</summary>
    public static void WriteShow(Utf8JsonWriter writer, IscsiIface iface, IscsiHardwareCheck check)
    {
        writer.WriteStartObject();
        WriteIface(writer, iface);
        writer.WriteBoolean("offload", iface.IsOffload);
        writer.WriteStartObject("hardware");
        WriteCheck(writer, check);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary><c>iface check</c>: the verdict, with the iface's name and transport.</summary>
    public static void WriteCheck(Utf8JsonWriter writer, IscsiIface iface, IscsiHardwareCheck check)
    {
        writer.WriteStartObject();
        writer.WriteString("name", iface.Name);
        writer.WriteString("transport", iface.TransportName);
        writer.WriteString("hwaddress", iface.HardwareAddress);
        WriteCheck(writer, check);
        writer.WriteEndObject();
    }

    /// <summary><c>iface create</c>: the iface as read back, and whether this call created it.</summary>
    public static void WriteEnsured(Utf8JsonWriter writer, IscsiIfaceEnsureResult result)
    {
        writer.WriteStartObject();
        WriteIface(writer, result.Iface);
        writer.WriteBoolean("created", result.Created);
        writer.WriteEndObject();
    }

    public static void WriteDeleted(Utf8JsonWriter writer, string name, bool deleted)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteBoolean("deleted", deleted);
        writer.WriteEndObject();
    }

    /// <summary>An iface that cannot be used (exit 6): what, which iface, and the reason in snake_case.</summary>
    public static void WriteFailure(Utf8JsonWriter writer, IscsiTransportException failure)
    {
        writer.WriteStartObject();
        writer.WriteString("error", failure.Message.ReplaceLineEndings(" "));
        writer.WriteString("iface", failure.IfaceName);
        writer.WriteString("reason", JsonOutput.SnakeCase(failure.Reason));
        writer.WriteEndObject();
    }

    private static void WriteIface(Utf8JsonWriter writer, IscsiIface i) =>
        WriteFields(writer, i.Name, i.TransportName, i.HardwareAddress, i.IpAddress, i.NetInterfaceName, i.InitiatorName);

    private static void WriteFields(Utf8JsonWriter writer, string name, string? transport, string? hwaddress, string? ipaddress, string? netIfacename, string? initiatorName)
    {
        writer.WriteString("name", name);
        writer.WriteString("transport", transport);
        writer.WriteString("hwaddress", hwaddress);
        writer.WriteString("ipaddress", ipaddress);
        writer.WriteString("net_ifacename", netIfacename);
        writer.WriteString("initiatorname", initiatorName);
    }

    private static void WriteCheck(Utf8JsonWriter writer, IscsiHardwareCheck check)
    {
        writer.WriteBoolean("usable", check.IsUsable);
        writer.WriteString("failure", check.Failure is { } failure ? JsonOutput.SnakeCase(failure) : null);
        writer.WriteString("message", check.Message.ReplaceLineEndings(" "));
        writer.WriteString("net_interface", check.NetInterface);
        writer.WriteString("driver", check.Driver);
        if (check.IscsiHost is { } host)
        {
            writer.WriteNumber("iscsi_host", host);
        }
        else
        {
            writer.WriteNull("iscsi_host");
        }
    }
}
