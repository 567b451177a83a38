using System.Globalization;
using System.Text.Json;
using IscsiConnector.Internal;
using IscsiConnector.Transports;

namespace IscsiConnector.Serialization.Internal;

/// <summary>
/// Maps a <see cref="VolumeAttachment"/> to its JSON document and back. Reading checks every value it turns into a
/// model (a device under <c>/dev</c>, kernel disk names, portals, IQNs, LUNs) because a disconnect acts on them; a
/// problem is a <see cref="JsonException"/> naming the key. os-brick's <c>device_info</c> (no <c>devices</c>, no
/// <c>portals</c>) reads as an attachment whose devices the disconnect finds through sysfs.
/// </summary>
internal static class AttachmentMapper
{
    private const string DevicePrefix = "/dev/";

    // A Windows disk (docs/windows.md): \\.\PhysicalDriveN.
    private const string WindowsDevicePrefix = @"\\.\PhysicalDrive";

    public static AttachmentDocument ToDocument(VolumeAttachment attachment) => new()
    {
        Type = attachment.DeviceType,
        Path = attachment.Path,
        ScsiWwn = attachment.ScsiWwn,
        MultipathId = attachment.MultipathId,
        MultipathName = attachment.MultipathName,
        ByPath = attachment.ByPath,
        Devices = [.. attachment.Devices.Select(d => new DeviceDocument
        {
            Name = d.Name,
            Path = d.DevicePath,
            Portal = d.Path.Portal.Address,
            Iqn = d.Path.Iqn,
            Lun = d.Path.Lun,
            Hctl = d.Address.ToString(),
            SessionId = d.SessionId,
            Wwn = d.Wwn,
        })],
        Portals = [.. attachment.Portals.Select(ToDocument)],
        ElapsedMs = Milliseconds(attachment.Elapsed),
    };

    public static PortalDocument ToDocument(PortalOutcome portal) => new()
    {
        Portal = portal.Path.Portal.Address,
        Iqn = portal.Path.Iqn,
        Lun = portal.Path.Lun,
        Outcome = SnakeCase(portal.Outcome),
        Error = portal.Outcome == LoginOutcome.Failed ? portal.Message ?? portal.Failure?.ToString() : null,
        Message = portal.Message,
        Failure = portal.Failure is { } kind ? SnakeCase(kind) : null,
        ErrorKind = portal.ErrorKind is { } errorKind ? SnakeCase(errorKind) : null,
        ExitCode = portal.NativeCode,
        Device = portal.Device,
        Iface = portal.Iface,
        TransportFallback = portal.TransportFallback is { } fallback
            ? new FallbackDocument { RequestedIface = fallback.RequestedIface, Reason = SnakeCase(fallback.Reason), Message = fallback.Message }
            : null,
        ElapsedMs = Milliseconds(portal.Elapsed),
    };

    public static VolumeAttachment FromDocument(AttachmentDocument document)
    {
        var path = Required(document.Path, "path");
        if (!(IsUnder(path, DevicePrefix) || IsUnder(path, WindowsDevicePrefix)) || ValueRules.ContainsControl(path))
        {
            throw Problem("path", $"{ValueRules.Show(path)} is not a device under /dev.");
        }

        var type = document.Type ?? "block";
        return new VolumeAttachment
        {
            DeviceType = type == "block" ? type : throw Problem("type", $"{ValueRules.Show(type)} is not 'block', the only device type of an iSCSI attachment."),
            Path = path,
            ScsiWwn = document.ScsiWwn ?? throw Problem("scsi_wwn", "is missing (os-brick always writes it; an empty string when the device had no WWID)."),
            MultipathId = document.MultipathId,
            MultipathName = document.MultipathName,
            ByPath = document.ByPath,
            Devices = [.. (document.Devices ?? []).Select((d, i) => FromDocument(d, Key("devices", i)))],
            Portals = [.. (document.Portals ?? []).Select((p, i) => FromDocument(p, Key("portals", i)))],
            Elapsed = Elapsed(document.ElapsedMs, "elapsed_ms"),
        };
    }

    private static AttachedDevice FromDocument(DeviceDocument? device, string key)
    {
        device = device ?? throw Problem(key, "must be an object, not null.");
        var name = Required(device.Name, key + ".name");
        if (!name.All(char.IsAsciiLetterOrDigit))
        {
            throw Problem(key + ".name", $"{ValueRules.Show(name)} is not a kernel disk name such as sda.");
        }

        var hctl = device.Hctl is null ? null : ScsiAddress.TryParse(device.Hctl, out var parsed) ? parsed : throw Problem(key + ".hctl", "is not H:C:T:L (four numbers).");
        var path = ReadPath(device.Portal, device.Iqn, device.Lun, key);
        var session = device.SessionId ?? 0;
        return new AttachedDevice(name, path, hctl ?? new ScsiAddress(0, 0, 0, path.Lun), session >= 0 ? session : throw Problem(key + ".session_id", "must not be negative."))
        {
            Wwn = device.Wwn,
        };
    }

    public static PortalOutcome FromDocument(PortalDocument? portal, string key)
    {
        portal = portal ?? throw Problem(key, "must be an object, not null.");
        var fallback = portal.TransportFallback is { } f
            ? new TransportFallbackInfo(
                Required(f.RequestedIface, key + ".transport_fallback.requested_iface"),
                Enum<IscsiTransportFailureReason>(Required(f.Reason, key + ".transport_fallback.reason"), key + ".transport_fallback.reason"),
                f.Message ?? string.Empty)
            : null;
        var outcome = Enum<LoginOutcome>(Required(portal.Outcome, key + ".outcome"), key + ".outcome");
        return new PortalOutcome(ReadPath(portal.Portal, portal.Iqn, portal.Lun, key), outcome, Elapsed(portal.ElapsedMs, key + ".elapsed_ms"))
        {
            Failure = portal.Failure is { } failure ? Enum<PortalFailureKind>(failure, key + ".failure") : null,
            ErrorKind = portal.ErrorKind is { } errorKind ? Enum<IscsiErrorKind>(errorKind, key + ".error_kind") : null,
            NativeCode = portal.ExitCode,
            Message = portal.Message ?? portal.Error,
            Device = portal.Device,
            Iface = portal.Iface,
            TransportFallback = fallback,
        };
    }

    private static IscsiPath ReadPath(string? portalText, string? iqnText, int? lun, string key)
    {
        var portal = IscsiPortal.TryParse(Required(portalText, key + ".portal"), out var p) ? p : throw Problem(key + ".portal", "is not a portal (address:port).");
        var iqn = Required(iqnText, key + ".iqn");
        if (IscsiNameRules.Problem(iqn) is { } problem)
        {
            throw Problem(key + ".iqn", problem);
        }

        return lun is >= 0 and <= IscsiPath.MaxLun ? new IscsiPath(portal, iqn, lun.Value) : throw Problem(key + ".lun", "must be a number from 0 to 16383.");
    }

    private static TimeSpan Elapsed(long? milliseconds, string key) => milliseconds switch
    {
        null => TimeSpan.Zero,
        >= 0 and <= int.MaxValue => TimeSpan.FromMilliseconds(milliseconds.Value),
        _ => throw Problem(key, "must be a number of milliseconds from 0 to 2147483647."),
    };

    private static long Milliseconds(TimeSpan elapsed) => (long)Math.Round(elapsed.TotalMilliseconds);

    private static string Required(string? value, string key) =>
        value is { Length: > 0 } ? value : throw Problem(key, "is missing or empty.");

    /// <summary>The snake_case member name (LoggedIn → logged_in), as the enum is written.</summary>
    public static string SnakeCase<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static T Enum<T>(string text, string key)
        where T : struct, Enum
    {
        foreach (var value in System.Enum.GetValues<T>())
        {
            if (SnakeCase(value) == text)
            {
                return value;
            }
        }

        throw Problem(key, $"{ValueRules.Show(text)} is not one of {string.Join(", ", System.Enum.GetValues<T>().Select(SnakeCase))}.");
    }

    private static string Key(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    public static JsonException Problem(string key, string message) => new($"device_info key '{key}': {message}");

    private static bool IsUnder(string path, string prefix) => path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length;
}
