using System.Text.Json;
using System.Text.Json.Serialization;

namespace IscsiConnector.Serialization.Internal;

/// <summary>Source-generated (no reflection: trimmable and NativeAOT-safe) serializer of the attachment documents.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(AttachmentDocument))]
[JsonSerializable(typeof(PortalDocument))]
internal sealed partial class AttachmentJsonContext : JsonSerializerContext;
