using System.Text.Json;
using IscsiConnector.Internal;
using static IscsiConnector.Internal.ConnectionInfoKeys;

namespace IscsiConnector;

public sealed partial class ConnectionInfo
{
    /// <summary>
    /// Parses and validates a <c>connection_info</c> JSON document. Pure: reads the text only, runs no command
    /// and touches neither the network nor the file system, so it can vet input before any attach starts.
    /// </summary>
    /// <param name="json">Cinder's whole answer (<c>{"driver_volume_type":"iscsi","data":{…}}</c>), the same
    /// wrapped in <c>{"connection_info": …}</c>, or the bare <c>data</c> object.</param>
    /// <returns>The validated model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ConnectionInfoException">The document is malformed; the message names the key and the problem.</exception>
    /// <remarks>See <c>docs/connection-info.md</c> for the keys, the precedence rules and every validation rule.</remarks>
    public static ConnectionInfo Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            // Position only: the reader's own message may quote a character of the (possibly secret) input.
            throw new ConnectionInfoException(null, $"connection_info is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}); expected a JSON object.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ConnectionInfoException(null, "connection_info must be a JSON object; expected {\"driver_volume_type\": \"iscsi\", \"data\": {…}} or the data object itself.");
            }

            if (root.TryGetProperty(ConnectionInfoKeys.ConnectionInfo, out var wrapped))
            {
                root = wrapped.ValueKind == JsonValueKind.Object
                    ? wrapped : throw DataReader.WrongKind(ConnectionInfoKeys.ConnectionInfo, wrapped, "an object with driver_volume_type and data");
            }

            var (data, type) = Unwrap(root);
            return ConnectionInfoBuilder.Build(new DataReader(data), type);
        }
    }

    private static (JsonElement Data, string? DriverVolumeType) Unwrap(JsonElement root)
    {
        string? type = null;
        if (root.TryGetProperty(ConnectionInfoKeys.DriverVolumeType, out var typeElement))
        {
            type = typeElement.ValueKind == JsonValueKind.String
                ? typeElement.GetString() : throw DataReader.WrongKind(ConnectionInfoKeys.DriverVolumeType, typeElement, "the string \"iscsi\"");
            if (!IscsiType.Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                throw new ConnectionInfoException(ConnectionInfoKeys.DriverVolumeType, $"is {ValueRules.Show(type!)}; expected \"iscsi\" (this connector handles iSCSI volumes only).");
            }
        }

        if (root.TryGetProperty(Data, out var data))
        {
            return data.ValueKind == JsonValueKind.Object ? (data, type) : throw DataReader.WrongKind(Data, data, "an object holding target_portal, target_iqn, …");
        }

        // Without "data" this is the bare data object, unless it announced itself as an envelope.
        return type is null ? (root, null)
            : throw new ConnectionInfoException(Data, "is missing; a document with driver_volume_type must carry the connection properties in data.");
    }
}
