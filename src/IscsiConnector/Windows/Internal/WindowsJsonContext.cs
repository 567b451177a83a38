using System.Text.Json.Serialization;

namespace IscsiConnector.Windows.Internal;

/// <summary>
/// Source-generated JSON for the scripts' argument blocks and replies. Names are PowerShell's own (PascalCase,
/// as <c>ConvertTo-Json</c> writes CIM properties); numbers may come quoted; properties the connector does not
/// read are skipped, so a newer Windows that adds some does not break parsing.
/// </summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ConnectArguments))]
[JsonSerializable(typeof(DisconnectArguments))]
[JsonSerializable(typeof(HostReply))]
[JsonSerializable(typeof(ConnectReply))]
[JsonSerializable(typeof(DisconnectReply))]
internal sealed partial class WindowsJsonContext : JsonSerializerContext;
