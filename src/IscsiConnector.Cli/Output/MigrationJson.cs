using System.Text.Json;
using IscsiConnector.Migration;

namespace IscsiConnector.Cli.Output;

/// <summary>The JSON of <c>migrate-xml</c>, <c>libiscsi</c> and their refusals (snake_case, like every command).</summary>
internal static class MigrationJson
{
    public static void WriteRewrite(Utf8JsonWriter writer, DomainXmlRewrite rewrite, string? outputFile)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("disks");
        foreach (var disk in rewrite.Disks)
        {
            writer.WriteStartObject();
            writer.WriteString("serial", disk.Serial);
            writer.WriteString("target_dev", disk.TargetDev);
            writer.WriteString("type", disk.DiskType);
            writer.WriteString("old_source", disk.OldSource);
            writer.WriteString("new_source", disk.NewSource);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("output", outputFile);
        writer.WriteString("xml", rewrite.Xml);
        writer.WriteEndObject();
    }

    public static void WriteLibiscsi(Utf8JsonWriter writer, LibiscsiVolume volume)
    {
        writer.WriteStartObject();
        writer.WriteString("portal", volume.Path.Portal.Address);
        writer.WriteString("iqn", volume.Path.Iqn);
        writer.WriteNumber("lun", volume.Path.Lun);
        writer.WriteString("serial", volume.Serial);
        writer.WritePropertyName("source");
        // The device map's own entry form, so that 'device-paths --libiscsi' reads it back unchanged.
        using (var map = JsonDocument.Parse(new DestinationDeviceMap(iscsiSources: new Dictionary<string, IscsiNetworkSource> { ["_"] = volume.Source }).ToJson()))
        {
            map.RootElement.GetProperty("iscsi_source").GetProperty("_").WriteTo(writer);
        }

        writer.WriteString("disk_xml", volume.DiskXml);
        writer.WriteString("url", volume.Url);
        writer.WriteString("drive", volume.DriveOptions);
        writer.WritePropertyName("blockdev");
        writer.WriteRawValue(volume.BlockdevJson);
        writer.WriteString("password_secret", volume.PasswordSecretId);
        writer.WriteStartArray("portals");
        foreach (var portal in volume.Portals)
        {
            writer.WriteStartObject();
            writer.WriteString("portal", portal.Path.Portal.Address);
            writer.WriteString("iqn", portal.Path.Iqn);
            writer.WriteNumber("lun", portal.Path.Lun);
            if (portal.Reachable is { } reachable)
            {
                writer.WriteBoolean("reachable", reachable);
            }
            else
            {
                writer.WriteNull("reachable");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter writer, LiveMigrationException exception)
    {
        writer.WriteStartObject();
        writer.WriteString("error", exception.Message.ReplaceLineEndings(" "));
        writer.WriteString("failure", JsonOutput.SnakeCase(exception.Failure));
        writer.WriteString("serial", exception.Serial);
        writer.WriteEndObject();
    }
}
