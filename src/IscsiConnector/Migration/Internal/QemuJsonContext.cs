using System.Text.Json.Serialization;

namespace IscsiConnector.Migration.Internal;

/// <summary>Source-generated serializer for QEMU's JSON options: kebab-case keys, one line (it is a command-line argument).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BlockdevIscsiOptions))]
internal sealed partial class QemuJsonContext : JsonSerializerContext;
