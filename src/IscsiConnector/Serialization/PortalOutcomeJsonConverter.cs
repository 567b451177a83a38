using System.Text.Json;
using System.Text.Json.Serialization;
using IscsiConnector.Serialization.Internal;

namespace IscsiConnector.Serialization;

/// <summary>
/// Reads and writes one <see cref="PortalOutcome"/> as the entries of an attachment's <c>portals</c> list:
/// <c>portal</c>, <c>iqn</c>, <c>lun</c>, <c>outcome</c>, <c>error</c>, <c>message</c>, <c>failure</c>, <c>error_kind</c>, <c>exit_code</c>,
/// <c>device</c>, <c>iface</c>, <c>transport_fallback</c>, <c>elapsed_ms</c>. Use it to record the portals of a failed
/// attach (<see cref="VolumeAttachException.Portals"/>) in the same form as a successful one.
/// </summary>
public sealed class PortalOutcomeJsonConverter : JsonConverter<PortalOutcome>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">A key is missing or has a value that is not valid; the message names the key.</exception>
    public override PortalOutcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var document = VolumeAttachmentJsonConverter.Deserialize(ref reader, AttachmentJsonContext.Default.PortalDocument);
        return AttachmentMapper.FromDocument(document, "portal");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PortalOutcome value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, AttachmentMapper.ToDocument(value), AttachmentJsonContext.Default.PortalDocument);
    }
}
