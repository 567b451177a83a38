using System.Text.Json;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Planning;

namespace IscsiConnector.Cli.Output;

/// <summary>The JSON of <c>plan</c>.</summary>
internal static class PlanJson
{
    public static void Write(Utf8JsonWriter writer, ToolSettings settings, string basis, IReadOnlyList<PlanStep> steps, VolumeAttachment? attachment, VolumeAttachException? failure)
    {
        writer.WriteStartObject();
        writer.WriteString("mode", settings.Multipath ? "multipath" : "failover");
        writer.WriteString("assumes", basis);
        writer.WriteStrings("root_helper", settings.RootHelper);
        writer.WriteStartArray("steps");
        foreach (var step in steps)
        {
            writer.WriteStartObject();
            writer.WriteString("type", step.Kind);
            if (step.Kind == "command")
            {
                var argv = settings.RootHelper.Concat(step.Argv).ToList();
                writer.WriteStrings("argv", argv);
                writer.WriteString("command", (step with { Argv = argv }).Display);
            }
            else
            {
                writer.WriteString("path", step.Path);
                writer.WriteString("value", step.Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("result");
        writer.WriteBoolean("attached", attachment is not null);
        writer.WriteString("path", attachment?.Path);
        writer.WriteString("error", failure?.Message.ReplaceLineEndings(" "));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
