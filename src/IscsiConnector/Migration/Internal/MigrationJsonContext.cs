using System.Text.Json;
using System.Text.Json.Serialization;

namespace IscsiConnector.Migration.Internal;

/// <summary>Source-generated serializer for the migration documents: no reflection, so the package stays trimmable and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(DeviceMapDocument))]
internal sealed partial class MigrationJsonContext : JsonSerializerContext;
