using System.Text.Json.Serialization;

namespace IscsiConnector.Serialization.Internal;

/// <summary>
/// The JSON shape of a <see cref="VolumeAttachment"/>: os-brick's <c>device_info</c> keys first (<c>type</c>, <c>path</c>,
/// <c>scsi_wwn</c>, <c>multipath_id</c>), then what os-brick does not record. Names become snake_case through the context.
/// Every member is nullable so that a missing key is reported by name instead of failing inside the serializer.
/// </summary>
internal sealed class AttachmentDocument
{
    public string? Type { get; set; }

    public string? Path { get; set; }

    public string? ScsiWwn { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MultipathId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MultipathName { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ByPath { get; set; }

    public List<DeviceDocument>? Devices { get; set; }

    public List<PortalDocument>? Portals { get; set; }

    public long? ElapsedMs { get; set; }
}

/// <summary>One <see cref="AttachedDevice"/>.</summary>
internal sealed class DeviceDocument
{
    public string? Name { get; set; }

    public string? Path { get; set; }

    public string? Portal { get; set; }

    public string? Iqn { get; set; }

    public int? Lun { get; set; }

    public string? Hctl { get; set; }

    public int? SessionId { get; set; }

    public string? Wwn { get; set; }
}

/// <summary>One <see cref="PortalOutcome"/>. <c>error</c> repeats <c>message</c> for a failed portal (the CLI's older key).</summary>
internal sealed class PortalDocument
{
    public string? Portal { get; set; }

    public string? Iqn { get; set; }

    public int? Lun { get; set; }

    public string? Outcome { get; set; }

    public string? Error { get; set; }

    public string? Message { get; set; }

    public string? Failure { get; set; }

    public string? ErrorKind { get; set; }

    /// <summary>The platform's own code (iscsiadm's exit code on Linux): <see cref="PortalOutcome.NativeCode"/>.</summary>
    public int? ExitCode { get; set; }

    public string? Device { get; set; }

    public string? Iface { get; set; }

    public FallbackDocument? TransportFallback { get; set; }

    public long? ElapsedMs { get; set; }
}

/// <summary>A <see cref="Transports.TransportFallbackInfo"/>.</summary>
internal sealed class FallbackDocument
{
    public string? RequestedIface { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}
