using System.Globalization;
using System.Text.Json;

namespace IscsiConnector.Cli.Hosting;

/// <summary>
/// Maps the JSON <c>connect</c> printed (or os-brick's <c>device_info</c>: <c>type</c>, <c>path</c>, <c>scsi_wwn</c>,
/// <c>multipath_id</c>) back to a <see cref="VolumeAttachment"/>. Extra keys are ignored; wrong ones are usage errors.
/// </summary>
internal static class DeviceInfoReader
{
    public static VolumeAttachment Read(string file, string option = "--device-info")
    {
        var text = InputFiles.Read(file, option);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Problem(null, "must be a JSON object (the output of 'connect').");
            }

            var path = RequiredString(root, "path");
            if (!path.StartsWith("/dev/", StringComparison.Ordinal))
            {
                throw Problem("path", $"'{ToolSettings.Printable(path)}' is not a device under /dev.");
            }

            return new VolumeAttachment
            {
                DeviceType = OptionalString(root, "type") ?? "block",
                Path = path,
                ScsiWwn = RequiredString(root, "scsi_wwn"),
                MultipathId = OptionalString(root, "multipath_id"),
                MultipathName = OptionalString(root, "multipath_name"),
                ByPath = OptionalString(root, "by_path"),
                Devices = ReadDevices(root),
                Portals = [],
            };
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{option}: the file is not valid JSON ({ex.Message.ReplaceLineEndings(" ")})", ex);
        }
    }

    private static List<AttachedDevice> ReadDevices(JsonElement root)
    {
        var devices = new List<AttachedDevice>();
        if (!root.TryGetProperty("devices", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return devices;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Problem("devices", "must be a list.");
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"devices[{index++}]");
            var name = RequiredString(item, "name", key);
            if (!name.All(char.IsAsciiLetterOrDigit))
            {
                throw Problem(key + ".name", $"'{ToolSettings.Printable(name)}' is not a kernel disk name such as sda.");
            }

            if (!IscsiPortal.TryParse(RequiredString(item, "portal", key), out var portal))
            {
                throw Problem(key + ".portal", "is not a portal (address:port).");
            }

            var iqn = RequiredString(item, "iqn", key);
            if (!IscsiPath.IsValidTargetName(iqn))
            {
                throw Problem(key + ".iqn", "is not a valid iSCSI target name.");
            }

            var lun = item.TryGetProperty("lun", out var l) && l.TryGetInt32(out var n) && n is >= 0 and <= IscsiPath.MaxLun
                ? n
                : throw Problem(key + ".lun", "must be a number from 0 to 16383.");
            var address = ScsiAddress.TryParse(OptionalString(item, "hctl"), out var hctl) ? hctl! : new ScsiAddress(0, 0, 0, lun);
            var session = item.TryGetProperty("session_id", out var s) && s.TryGetInt32(out var sid) ? sid : 0;
            devices.Add(new AttachedDevice(name, new IscsiPath(portal, iqn, lun), address, session) { Wwn = OptionalString(item, "wwn") });
        }

        return devices;
    }

    private static string RequiredString(JsonElement element, string name, string? parent = null) =>
        OptionalString(element, name, parent) is { Length: > 0 } value ? value : throw Problem(Join(parent, name), "is missing or empty.");

    private static string? OptionalString(JsonElement element, string name, string? parent = null)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Problem(Join(parent, name), "must be a string.");
    }

    private static string Join(string? parent, string name) => parent is null ? name : parent + "." + name;

    private static UsageException Problem(string? key, string message) =>
        new(key is null ? $"--device-info: {message}" : $"--device-info key '{key}': {message}");
}
