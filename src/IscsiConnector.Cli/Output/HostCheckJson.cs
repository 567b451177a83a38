using System.Text.Json;
using IscsiConnector.Readiness;

namespace IscsiConnector.Cli.Output;

/// <summary>The JSON of <c>check</c>, also nested in <c>connect</c>'s output when the host is not ready (exit 8).</summary>
internal static class HostCheckJson
{
    public static void WriteCheck(Utf8JsonWriter writer, HostCheckResult result)
    {
        writer.WriteStartObject();
        WriteBody(writer, result);
        writer.WriteEndObject();
    }

    /// <summary>connect refused by the host check: no portal was tried, no node record made.</summary>
    public static void WriteNotReady(Utf8JsonWriter writer, HostNotReadyException failure, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WriteString("error", failure.Message.ReplaceLineEndings(" "));
        writer.WriteStartObject("host_check");
        WriteBody(writer, failure.Result);
        writer.WriteEndObject();
        writer.WriteStartArray("portals");
        writer.WriteEndArray();
        writer.WriteElapsed(elapsed);
        writer.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter writer, HostCheckResult result)
    {
        writer.WriteBoolean("ready", result.IsReady);
        writer.WriteStartArray("checks");
        foreach (var item in result.Items)
        {
            writer.WriteStartObject();
            writer.WriteString("requirement", Name(item.Requirement));
            writer.WriteString("status", JsonOutput.SnakeCase(item.Status));
            writer.WriteString("detail", item.Detail.ReplaceLineEndings(" "));
            writer.WriteString("fix", item.Fix);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteElapsed(result.Duration);
    }

    private static string Name(HostRequirement requirement) => requirement switch
    {
        HostRequirement.IscsiAdm => "iscsiadm",
        HostRequirement.Privileges => "privileges",
        HostRequirement.Iscsid => "iscsid",
        HostRequirement.InitiatorName => "initiator_name",
        HostRequirement.Transport => "transport",
        HostRequirement.Multipathd => "multipathd",
        _ => JsonOutput.SnakeCase(requirement),
    };
}
