using System.Globalization;
using System.Text.Json;
using IscsiConnector.Internal;
using IscsiConnector.Migration.Internal;

namespace IscsiConnector.Migration;

public sealed partial class DestinationDeviceMap
{
    /// <summary>Writes the map as JSON: <c>{"device_path": {serial: path}, "iscsi_source": {serial: {name, iqn, lun, host: {name, port}, auth, initiator}}}</c>.</summary>
    /// <returns>Indented JSON; <c>auth</c> holds the user name and the secret's usage or UUID, never a password.</returns>
    public string ToJson()
    {
        var document = new DeviceMapDocument
        {
            DevicePath = new Dictionary<string, string>(DevicePaths, StringComparer.Ordinal),
            IscsiSource = IscsiSources.Count == 0 ? null : IscsiSources.ToDictionary(p => p.Key, p => ToDocument(p.Value), StringComparer.Ordinal),
        };
        return JsonSerializer.Serialize(document, MigrationJsonContext.Default.DeviceMapDocument);
    }

    /// <summary>Reads a map written by <see cref="ToJson"/> (other top-level keys, such as the rest of Nova's
    /// <c>pre_live_migration</c> data, are ignored).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="LiveMigrationException">The JSON is malformed or an entry is invalid; the message names the key (<see cref="LiveMigrationFailure.InvalidDeviceMap"/>).</exception>
    public static DestinationDeviceMap Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        DeviceMapDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, MigrationJsonContext.Default.DeviceMapDocument);
        }
        catch (JsonException ex)
        {
            var at = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "the document" : $"key '{ex.Path}'";
            throw new LiveMigrationException(LiveMigrationFailure.InvalidDeviceMap, $"Destination device map: {at} is not valid ({FirstSentence(ex.Message)}). Expected {{\"device_path\": {{serial: path}}, \"iscsi_source\": {{serial: {{iqn, lun, host, auth}}}}}}.", null, ex);
        }

        if (document is null)
        {
            throw Invalid("$", "is null; expected a JSON object.", null);
        }

        var sources = new Dictionary<string, IscsiNetworkSource>(StringComparer.Ordinal);
        foreach (var (serial, entry) in document.IscsiSource ?? [])
        {
            sources[serial] = FromDocument(serial, entry);
        }

        return new DestinationDeviceMap(document.DevicePath, sources);
    }

    private static IscsiSourceDocument ToDocument(IscsiNetworkSource source) => new()
    {
        Name = source.Name,
        Iqn = source.Iqn,
        Lun = source.Lun,
        Host = new HostDocument { Name = source.Host.Host, Port = source.Host.Port },
        Auth = source.Auth is { } auth
            ? new AuthDocument { Username = auth.Username, SecretType = IscsiSecretReference.SecretType, SecretUsage = auth.Usage, SecretUuid = auth.Uuid }
            : null,
        Initiator = source.InitiatorIqn,
    };

    private static IscsiNetworkSource FromDocument(string serial, IscsiSourceDocument? entry)
    {
        var key = $"iscsi_source['{serial}']";
        if (entry is null)
        {
            throw Invalid(key, "is null.", serial);
        }

        if (!IscsiPath.IsValidTargetName(entry.Iqn))
        {
            throw Invalid(key + ".iqn", "is missing or not a valid iSCSI target name.", serial);
        }

        if (entry.Lun is not (>= 0 and <= IscsiPath.MaxLun) || entry.Lun is not { } lun)
        {
            throw Invalid(key + ".lun", $"is missing or not a number 0…{IscsiPath.MaxLun}.", serial);
        }

        var host = ToPortal(entry.Host, key + ".host", serial);
        var auth = entry.Auth is { } a ? ToSecretReference(a, key + ".auth", serial) : null;
        if (entry.Initiator is not null && !IscsiPath.IsValidTargetName(entry.Initiator))
        {
            throw Invalid(key + ".initiator", "is not a valid iSCSI name.", serial);
        }

        return new IscsiNetworkSource(entry.Iqn!, lun, host, auth, entry.Initiator);
    }

    private static IscsiPortal ToPortal(HostDocument? host, string key, string serial)
    {
        if (host?.Name is not { Length: > 0 } name || name.StartsWith('['))
        {
            throw Invalid(key + ".name", "is missing, empty or bracketed; write an address or host name as libvirt does (fd00::1, not [fd00::1]).", serial);
        }

        var port = host.Port ?? IscsiPortal.DefaultPort;
        var text = name.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"[{name}]:{port}")
            : string.Create(CultureInfo.InvariantCulture, $"{name}:{port}");
        return port is >= 1 and <= 65535 && IscsiPortal.TryParse(text, out var portal)
            ? portal
            : throw Invalid(key, $"host {ValueRules.Show(name)} port {port} is not a valid portal.", serial);
    }

    private static IscsiSecretReference ToSecretReference(AuthDocument auth, string key, string serial)
    {
        if (auth.SecretType is not (null or IscsiSecretReference.SecretType))
        {
            throw Invalid(key + ".secret_type", $"is {ValueRules.Show(auth.SecretType)}; iSCSI disks use libvirt secrets of type 'iscsi'.", serial);
        }

        try
        {
            return new IscsiSecretReference(auth.Username ?? string.Empty, auth.SecretUsage, auth.SecretUuid);
        }
        catch (ArgumentException ex)
        {
            throw new LiveMigrationException(LiveMigrationFailure.InvalidDeviceMap, $"Destination device map key '{key}': {FirstSentence(ex.Message)} Give username and one of secret_usage, secret_uuid.", serial, ex);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..(end + 1)]).ReplaceLineEndings(" ");
    }
}
