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
        CheckSize(json.Length, "characters");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }
        catch (ArgumentException ex)
        {
            // A lone surrogate in the text (a string decoded or built wrongly): the reader cannot transcode it.
            throw new ConnectionInfoException(null, "connection_info is not valid Unicode text (it contains an unpaired UTF-16 surrogate); expected a JSON object.", ex);
        }

        return FromDocument(document);
    }

    /// <summary>
    /// Parses and validates a <c>connection_info</c> JSON document given as UTF-8 bytes, as read from a file or a
    /// pipe. Prefer this to decoding the bytes yourself: a decoder silently replaces invalid UTF-8, which would
    /// turn a damaged CHAP secret into a different one; here it is refused, naming the key.
    /// </summary>
    /// <param name="utf8Json">The document's bytes (a UTF-8 byte order mark is allowed).</param>
    /// <returns>The validated model.</returns>
    /// <exception cref="ConnectionInfoException">The document is malformed, larger than
    /// <see cref="ConnectionInfoLimits.MaxDocumentBytes"/> or not valid UTF-8; the message names the key and the problem.</exception>
    public static ConnectionInfo ParseUtf8(ReadOnlySpan<byte> utf8Json)
    {
        CheckSize(utf8Json.Length, "bytes");
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        JsonDocument document;
        try
        {
            // JsonDocument keeps the memory it parses: a copy, because the span may not outlive this call.
            document = JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }

        return FromDocument(document);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static void CheckSize(int length, string unit)
    {
        if (length > ConnectionInfoLimits.MaxDocumentBytes)
        {
            throw new ConnectionInfoException(null, $"connection_info is {length} {unit} long; expected at most {ConnectionInfoLimits.MaxDocumentBytes} (a backend's answer is a few kilobytes).");
        }
    }

    // Position only: the reader's own message may quote a character of the (possibly secret) input.
    private static ConnectionInfoException NotJson(JsonException ex) =>
        new(null, $"connection_info is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}); expected a JSON object.", ex);

    private static ConnectionInfo FromDocument(JsonDocument document)
    {
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ConnectionInfoException(null, "connection_info must be a JSON object; expected {\"driver_volume_type\": \"iscsi\", \"data\": {…}} or the data object itself.");
            }

            RefuseRepeatedKeys(root);
            if (root.TryGetProperty(ConnectionInfoKeys.ConnectionInfo, out var wrapped))
            {
                root = wrapped.ValueKind == JsonValueKind.Object
                    ? wrapped : throw DataReader.WrongKind(ConnectionInfoKeys.ConnectionInfo, wrapped, "an object with driver_volume_type and data");
                RefuseRepeatedKeys(root);
            }

            var (data, type) = Unwrap(root);
            return ConnectionInfoBuilder.Build(new DataReader(data), type);
        }
    }

    /// <summary>
    /// Refuses an envelope key given twice (<c>{"data": {…}, "data": {…}}</c>): JSON readers disagree on which copy
    /// wins, so another tool could attach a different volume than the one this library vetted. The <c>data</c>
    /// object's own keys are checked the same way by <see cref="DataReader"/>.
    /// </summary>
    private static void RefuseRepeatedKeys(JsonElement envelope)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in envelope.EnumerateObject())
        {
            if (property.Name is ConnectionInfoKeys.ConnectionInfo or ConnectionInfoKeys.DriverVolumeType or Data && !seen.Add(property.Name))
            {
                throw new ConnectionInfoException(property.Name, "appears more than once; expected each key once (readers disagree on which copy wins).");
            }
        }
    }

    private static (JsonElement Data, string? DriverVolumeType) Unwrap(JsonElement root)
    {
        string? type = null;
        if (root.TryGetProperty(ConnectionInfoKeys.DriverVolumeType, out var typeElement))
        {
            type = typeElement.ValueKind == JsonValueKind.String
                ? DataReader.Text(ConnectionInfoKeys.DriverVolumeType, typeElement) : throw DataReader.WrongKind(ConnectionInfoKeys.DriverVolumeType, typeElement, "the string \"iscsi\"");
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
