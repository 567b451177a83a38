using System.Text.Json;

namespace IscsiConnector.Cli.Output;

/// <summary>The JSON of <c>disconnect</c>, <c>properties</c>, <c>paths</c> and <c>extend</c>.</summary>
internal static class HostJson
{
    public static void WriteDisconnect(Utf8JsonWriter writer, DisconnectResult result, string? error)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("clean", result.IsClean);
        writer.WriteBoolean("was_connected", result.WasConnected);
        writer.WriteStrings("removed_devices", result.RemovedDevices);
        writer.WriteString("flushed_multipath", result.FlushedMultipath);
        WritePaths(writer, "logged_out", result.LoggedOut);
        WritePaths(writer, "kept_sessions", result.KeptSessions);
        writer.WriteStrings("problems", result.Problems);
        writer.WriteStrings("warnings", result.Warnings);
        writer.WriteString("error", error?.ReplaceLineEndings(" "));
        writer.WriteEndObject();
    }

    /// <summary>A disconnect refused because the device is another volume's: nothing was removed.</summary>
    public static void WriteIdentityMismatch(Utf8JsonWriter writer, VolumeIdentityException error)
    {
        writer.WriteStartObject();
        writer.WriteString("error", error.Message);
        writer.WriteString("device", error.Device);
        writer.WriteString("expected_wwid", error.ExpectedWwid);
        writer.WriteString("actual_wwid", error.ActualWwid);
        writer.WriteEndObject();
    }

    public static void WriteProperties(Utf8JsonWriter writer, ConnectorProperties properties)
    {
        writer.WriteStartObject();
        writer.WriteString("initiator", properties.Initiator);
        writer.WriteString("host", properties.Host);
        writer.WriteString("ip", properties.Ip);
        writer.WriteString("platform", properties.Platform);
        writer.WriteString("os_type", properties.OsType);
        writer.WriteBoolean("multipath", properties.Multipath);
        writer.WriteBoolean("enforce_multipath", properties.EnforceMultipath);
        writer.WriteBoolean("do_local_attach", false);
        writer.WriteEndObject();
    }

    private static void WritePaths(Utf8JsonWriter writer, string name, IEnumerable<IscsiPath> paths)
    {
        writer.WriteStartArray(name);
        foreach (var path in paths)
        {
            writer.WriteStartObject();
            writer.WriteString("portal", path.Portal.Address);
            writer.WriteString("iqn", path.Iqn);
            writer.WriteNumber("lun", path.Lun);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
