using System.Text;
using System.Text.Json;
using IscsiConnector.Internal;
using static IscsiConnector.Internal.ConnectionInfoKeys;

namespace IscsiConnector;

public sealed partial class ConnectionInfo
{
    /// <summary>
    /// Writes the model back with Cinder's keys, as the <c>data</c> object. The text contains the CHAP
    /// secrets (it is a document to hand on, not to log).
    /// </summary>
    /// <returns>The JSON text; <see cref="Parse(string)"/> reads it back to an equal model.</returns>
    public string ToJson() => ToJson(includeEnvelope: false);

    /// <summary>Writes the model back with Cinder's keys, optionally inside <c>{"driver_volume_type":"iscsi","data":…}</c>.</summary>
    /// <param name="includeEnvelope"><see langword="true"/> for Cinder's whole answer, <see langword="false"/> for the <c>data</c> object only.</param>
    /// <returns>The JSON text, including CHAP secrets.</returns>
    public string ToJson(bool includeEnvelope)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            if (includeEnvelope)
            {
                writer.WriteStartObject();
                writer.WriteString(ConnectionInfoKeys.DriverVolumeType, DriverVolumeType ?? IscsiType);
                writer.WritePropertyName(Data);
            }

            WriteData(writer);
            if (includeEnvelope)
            {
                writer.WriteEndObject();
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void WriteData(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteBoolean(ConnectionInfoKeys.TargetDiscovered, TargetDiscovered);
        writer.WriteString(TargetPortal, Primary.Portal.ToString());
        writer.WriteString(TargetIqn, Primary.Iqn);
        writer.WriteNumber(TargetLun, Primary.Lun);

        // Lists are always written whole (IQNs and LUNs too), so the reader needs no fallback rule.
        WritePaths(writer, Portals, TargetPortals, TargetIqns, TargetLuns);
        WritePaths(writer, Alternatives, AlternativePortals, AlternativeIqns, AlternativeLuns);
        if (VolumeId is not null)
        {
            writer.WriteString(ConnectionInfoKeys.VolumeId, VolumeId);
        }

        if (Primary.Addressing != LunAddressing.Sam2)
        {
            writer.WriteString(ConnectionInfoKeys.AddressingMode, LunAddressingNames.Name(Primary.Addressing));
        }

        WriteChap(writer, Chap, AuthPrefix);
        WriteChap(writer, DiscoveryChap, DiscoveryAuthPrefix);
        foreach (var (key, value) in AdditionalData)
        {
            writer.WritePropertyName(key);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static void WritePaths(Utf8JsonWriter writer, IReadOnlyList<IscsiPath> paths, string portalsKey, string iqnsKey, string lunsKey)
    {
        if (paths.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(portalsKey);
        foreach (var path in paths)
        {
            writer.WriteStringValue(path.Portal.ToString());
        }

        writer.WriteEndArray();
        writer.WriteStartArray(iqnsKey);
        foreach (var path in paths)
        {
            writer.WriteStringValue(path.Iqn);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(lunsKey);
        foreach (var path in paths)
        {
            writer.WriteNumberValue(path.Lun);
        }

        writer.WriteEndArray();
    }

    private static void WriteChap(Utf8JsonWriter writer, ChapCredentials? chap, string prefix)
    {
        if (chap is null)
        {
            return;
        }

        writer.WriteString(prefix + Method, chap.Method);
        writer.WriteString(prefix + Username, chap.Username);
        writer.WriteString(prefix + Password, chap.Password);
        if (chap.UsernameIn is not null)
        {
            writer.WriteString(prefix + UsernameIn, chap.UsernameIn);
        }

        if (chap.PasswordIn is not null)
        {
            writer.WriteString(prefix + PasswordIn, chap.PasswordIn);
        }
    }
}
