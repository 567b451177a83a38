using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IscsiConnector.Serialization.Internal;

namespace IscsiConnector.Serialization;

/// <summary>
/// Reads and writes a <see cref="VolumeAttachment"/> as JSON in os-brick's <c>device_info</c> shape (<c>type</c>,
/// <c>path</c>, <c>scsi_wwn</c>, <c>multipath_id</c>) plus the rest of the attachment in snake_case (<c>devices</c>,
/// <c>portals</c>, <c>elapsed_ms</c>…); reads os-brick's own <c>device_info</c> dictionaries too.
/// </summary>
/// <remarks>
/// <see cref="VolumeAttachment"/> carries this converter in a <see cref="JsonConverterAttribute"/>, so an attachment
/// stored inside your own documents serializes the same way with reflection or a source-generated context, and works
/// under NativeAOT (the converter uses a source-generated context, no reflection). Durations keep whole milliseconds.
/// Format reference: https://github.com/iscsi-connector/IscsiConnector/blob/main/docs/connector.md#persisting-an-attachment.
/// </remarks>
public sealed class VolumeAttachmentJsonConverter : JsonConverter<VolumeAttachment>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">The JSON is not an object, or a key is missing or has a value that is not valid; the message names the key.</exception>
    public override VolumeAttachment Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var document = Deserialize(ref reader, AttachmentJsonContext.Default.AttachmentDocument);
        return AttachmentMapper.FromDocument(document);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, VolumeAttachment value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, AttachmentMapper.ToDocument(value), AttachmentJsonContext.Default.AttachmentDocument);
    }

    /// <summary>Reads one object; the serializer's own type errors (which name CLR types) become errors naming the key.</summary>
    internal static T Deserialize<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("device_info: must be a JSON object (an attachment, or os-brick's device_info).");
        }

        try
        {
            return JsonSerializer.Deserialize(ref reader, typeInfo) ?? throw new JsonException("device_info: must be a JSON object, not null.");
        }
        catch (JsonException ex) when (ex.Path is { } path && !ex.Message.StartsWith("device_info", StringComparison.Ordinal))
        {
            throw new JsonException(AttachmentMapper.Problem(KeyOf(path), "has the wrong JSON type (a string, number, list or object was expected).").Message, ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
    }

    private static string KeyOf(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
}
