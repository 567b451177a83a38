using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IscsiConnector.Serialization;
using IscsiConnector.Serialization.Internal;

namespace IscsiConnector;

// Persisting an attachment lets a later process (a restarted service, the CLI's disconnect) remove exactly the
// devices this attach created instead of searching sysfs for them.
[JsonConverter(typeof(VolumeAttachmentJsonConverter))]
public sealed partial record VolumeAttachment
{
    private static readonly VolumeAttachmentJsonConverter Converter = new();

    /// <summary>
    /// Writes the attachment as JSON: os-brick's <c>device_info</c> keys (<c>type</c>, <c>path</c>, <c>scsi_wwn</c>,
    /// <c>multipath_id</c>) and the rest in snake_case (<c>devices</c>, <c>portals</c>, <c>elapsed_ms</c>…). It holds no secret.
    /// </summary>
    /// <returns>The JSON text; <see cref="Parse(string)"/> reads it back to an equal attachment (durations to the millisecond).</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Converter.Write(writer, this, AttachmentJsonContext.Default.Options);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads an attachment written by <see cref="ToJson"/>, or os-brick's <c>device_info</c> (<c>type</c>, <c>path</c>, <c>scsi_wwn</c>, <c>multipath_id</c>).</summary>
    /// <param name="json">One JSON object. Unknown keys are ignored; comments and trailing commas are allowed.</param>
    /// <returns>The attachment. From os-brick's dictionary it has no <see cref="Devices"/> or <see cref="Portals"/>: a disconnect then finds the devices through sysfs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not JSON, or a key is missing or not valid; the message names the key (<c>device_info key 'devices[0].lun': …</c>).</exception>
    public static VolumeAttachment Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new JsonException("device_info: the text is empty.");
        }

        try
        {
            reader.Read();
            var attachment = Converter.Read(ref reader, typeof(VolumeAttachment), AttachmentJsonContext.Default.Options);
            reader.Read(); // throws when more than one JSON value follows
            return attachment;
        }
        catch (JsonException ex) when (!ex.Message.StartsWith("device_info", StringComparison.Ordinal))
        {
            // The reader's own error (a syntax error, with line and position).
            throw new JsonException($"device_info: the text is not valid JSON ({ex.Message})", ex);
        }
    }
}
