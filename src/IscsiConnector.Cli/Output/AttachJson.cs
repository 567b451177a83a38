using System.Text.Json;
using IscsiConnector.Serialization;
using IscsiConnector.Transports;

namespace IscsiConnector.Cli.Output;

/// <summary>
/// The JSON of <c>connect</c>: the attachment as the library persists it (<see cref="VolumeAttachment.ToJson"/>, which
/// <c>disconnect --device-info</c> reads back), or on failure the per-portal outcomes in the same form.
/// </summary>
internal static class AttachJson
{
    private static readonly VolumeAttachmentJsonConverter Attachment = new();
    private static readonly PortalOutcomeJsonConverter Portal = new();

    // The converters use the library's source-generated context; these options (not the reflection-based Default,
    // which NativeAOT warns about) are only passed through.
    private static readonly JsonSerializerOptions PassThrough = new();

    public static void WriteAttachment(Utf8JsonWriter writer, VolumeAttachment attachment) =>
        Attachment.Write(writer, attachment, PassThrough);

    public static void WriteFailure(Utf8JsonWriter writer, VolumeAttachException failure, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WriteString("error", failure.Message.ReplaceLineEndings(" "));
        writer.WriteBoolean("authentication_failure", failure.IsAuthenticationFailure);
        writer.WriteStartArray("portals");
        foreach (var portal in failure.Portals)
        {
            Portal.Write(writer, portal, PassThrough);
        }

        writer.WriteEndArray();
        writer.WriteElapsed(elapsed);
        writer.WriteEndObject();
    }

    /// <summary>The iface could not be used and fallback is off: nothing was logged in (exit 6).</summary>
    public static void WriteTransportFailure(Utf8JsonWriter writer, IscsiTransportException failure, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WriteString("error", failure.Message.ReplaceLineEndings(" "));
        writer.WriteString("iface", failure.IfaceName);
        writer.WriteString("reason", JsonOutput.SnakeCase(failure.Reason));
        writer.WriteStartArray("portals");
        writer.WriteEndArray();
        writer.WriteElapsed(elapsed);
        writer.WriteEndObject();
    }
}
