using System.Text.Json;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Planning;

namespace IscsiConnector.Cli.Output;

/// <summary>The JSON of <c>plan</c>.</summary>
internal static class PlanJson
{
    public static void Write(Utf8JsonWriter writer, ToolSettings settings, string basis, IReadOnlyList<PlanStep> steps, VolumeAttachment? attachment, VolumeAttachException? failure, PlanDetail detail)
    {
        writer.WriteStartObject();
        writer.WriteString("mode", settings.Multipath ? "multipath" : "failover");
        writer.WriteString("assumes", basis);
        writer.WriteStrings("root_helper", settings.RootHelper);
        WriteSteps(writer, "steps", steps, settings);
        writer.WriteStartObject("result");
        writer.WriteBoolean("attached", attachment is not null);
        writer.WriteString("path", attachment?.Path);
        writer.WriteString("error", failure?.Message.ReplaceLineEndings(" "));
        writer.WriteEndObject();

        // Once per connect, before the first path: not part of any path's attempt.
        WriteSteps(writer, "before_any_path", detail.BeforeAnyPath, settings);
        if (detail.Chain is { } chain)
        {
            // Every path in the backend's order: what runs, what follows a login, what is undone after a failure.
            writer.WriteStartArray("chain");
            foreach (var (link, index) in chain.Select((l, i) => (l, i)))
            {
                writer.WriteStartObject();
                writer.WriteString("role", index == 0 ? "primary" : "alternative");
                WritePath(writer, link.Path);
                WriteSteps(writer, "attempt", link.Attempt, settings);
                WriteSteps(writer, "if_logged_in", link.IfLoggedIn, settings);
                WriteSteps(writer, "if_failed", link.IfFailed, settings);
                writer.WriteString("then", index + 1 < chain.Count ? "next path: " + chain[index + 1].Path : "the attach fails: every path was tried");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (detail.PortalSequences is { } sequences)
        {
            // Multipath logs into every portal in parallel: each portal's own sequence, in order.
            writer.WriteStartArray("portals");
            foreach (var (path, portalSteps) in sequences)
            {
                writer.WriteStartObject();
                WritePath(writer, path);
                WriteSteps(writer, "steps", portalSteps, settings);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WritePath(Utf8JsonWriter writer, IscsiPath path)
    {
        writer.WriteString("portal", path.Portal.Address);
        writer.WriteString("iqn", path.Iqn);
        writer.WriteNumber("lun", path.Lun);
    }

    private static void WriteSteps(Utf8JsonWriter writer, string name, IReadOnlyList<PlanStep> steps, ToolSettings settings)
    {
        writer.WriteStartArray(name);
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
    }
}
