using System.Text.Json;
using System.Text.Json.Serialization;
using IscsiConnector.Testing.Scenarios;

namespace IscsiConnector.Testing.Internal;

/// <summary>
/// Source-generated serializer for scenarios: no reflection, so the package stays trimmable and AOT-friendly. Keys are
/// snake_case like every other document of the project (connection_info, the CLI's output, the persisted attachment).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true)]
[JsonSerializable(typeof(ScenarioDefinition))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
