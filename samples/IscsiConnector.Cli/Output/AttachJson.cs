using System.Text.Json;
using IscsiConnector.Transports;

namespace IscsiConnector.Cli.Output;

/// <summary>The JSON of <c>connect</c>: a <see cref="VolumeAttachment"/> on success, the per-portal outcomes on failure.</summary>
internal static class AttachJson
{
    public static void WriteAttachment(Utf8JsonWriter writer, VolumeAttachment attachment)
    {
        writer.WriteStartObject();
        writer.WriteString("type", attachment.DeviceType);
        writer.WriteString("path", attachment.Path);
        writer.WriteString("scsi_wwn", attachment.ScsiWwn);
        if (attachment.MultipathId is not null)
        {
            writer.WriteString("multipath_id", attachment.MultipathId);
        }

        if (attachment.MultipathName is not null)
        {
            writer.WriteString("multipath_name", attachment.MultipathName);
        }

        if (attachment.ByPath is not null)
        {
            writer.WriteString("by_path", attachment.ByPath);
        }

        writer.WriteStartArray("devices");
        foreach (var device in attachment.Devices)
        {
            writer.WriteStartObject();
            writer.WriteString("name", device.Name);
            writer.WriteString("path", device.DevicePath);
            writer.WriteString("portal", device.Path.Portal.Address);
            writer.WriteString("iqn", device.Path.Iqn);
            writer.WriteNumber("lun", device.Path.Lun);
            writer.WriteString("hctl", device.Address.ToString());
            writer.WriteNumber("session_id", device.SessionId);
            writer.WriteString("wwn", device.Wwn);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WritePortals(writer, attachment.Portals);
        writer.WriteElapsed(attachment.Elapsed);
        writer.WriteEndObject();
    }

    public static void WriteFailure(Utf8JsonWriter writer, VolumeAttachException failure, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WriteString("error", failure.Message.ReplaceLineEndings(" "));
        writer.WriteBoolean("authentication_failure", failure.IsAuthenticationFailure);
        WritePortals(writer, failure.Portals);
        writer.WriteElapsed(elapsed);
        writer.WriteEndObject();
    }

    /// <summary>The iface could not be used and fallback is off: nothing was logged in (exit 6).</summary>
    public static void WriteTransportFailure(Utf8JsonWriter writer, IscsiTransportException failure, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WriteString("error", failure.Message.ReplaceLineEndings(" "));
        writer.WriteString("iface", failure.IfaceName);
        writer.WriteString("reason", JsonOutput.SnakeCase(failure.Reason.ToString()));
        writer.WriteStartArray("portals");
        writer.WriteEndArray();
        writer.WriteElapsed(elapsed);
        writer.WriteEndObject();
    }

    private static void WritePortals(Utf8JsonWriter writer, IReadOnlyList<PortalOutcome> portals)
    {
        writer.WriteStartArray("portals");
        foreach (var portal in portals)
        {
            writer.WriteStartObject();
            writer.WriteString("portal", portal.Path.Portal.Address);
            writer.WriteString("iqn", portal.Path.Iqn);
            writer.WriteNumber("lun", portal.Path.Lun);
            writer.WriteString("outcome", JsonOutput.SnakeCase(portal.Outcome.ToString()));
            writer.WriteString("error", portal.Outcome == LoginOutcome.Failed ? portal.Message ?? portal.Failure?.ToString() : null);
            writer.WriteString("failure", portal.Failure is { } kind ? JsonOutput.SnakeCase(kind.ToString()) : null);
            if (portal.NativeCode is { } code)
            {
                writer.WriteNumber("exit_code", code);
            }
            else
            {
                writer.WriteNull("exit_code");
            }

            writer.WriteString("device", portal.Device);
            writer.WriteString("iface", portal.Iface);
            if (portal.TransportFallback is { } fallback)
            {
                writer.WriteStartObject("transport_fallback");
                writer.WriteString("requested_iface", fallback.RequestedIface);
                writer.WriteString("reason", JsonOutput.SnakeCase(fallback.Reason.ToString()));
                writer.WriteString("message", fallback.Message.ReplaceLineEndings(" "));
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("transport_fallback");
            }

            writer.WriteElapsed(portal.Elapsed);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
