using IscsiConnector.Internal;

namespace IscsiConnector.Migration;

/// <summary>
/// What the destination host sends the source host before a live migration (spec 003, EX1): for every volume
/// serial, where the destination reaches the volume. A block device path (<c>/dev/disk/by-path/…</c> for one
/// path, the multipath device for multipath) for the kernel initiator, or an <see cref="IscsiNetworkSource"/>
/// for QEMU's built-in initiator (libiscsi). <see cref="DomainXmlRewriter"/> applies it to the domain XML.
/// </summary>
/// <remarks>JSON form (<see cref="ToJson"/>, <see cref="Parse"/>): <c>{"device_path": {serial: path}, "iscsi_source": {serial: {…}}}</c>.</remarks>
public sealed partial class DestinationDeviceMap
{
    /// <summary>Initializes a new instance of the <see cref="DestinationDeviceMap"/> class.</summary>
    /// <param name="devicePaths">Serial → destination block device path; none when <see langword="null"/>.</param>
    /// <param name="iscsiSources">Serial → destination libiscsi source; none when <see langword="null"/>.</param>
    /// <exception cref="LiveMigrationException">A serial or path is malformed, or a serial has both a path and a source (<see cref="LiveMigrationFailure.InvalidDeviceMap"/>).</exception>
    public DestinationDeviceMap(IReadOnlyDictionary<string, string>? devicePaths = null, IReadOnlyDictionary<string, IscsiNetworkSource>? iscsiSources = null)
    {
        var paths = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (serial, path) in devicePaths ?? new Dictionary<string, string>())
        {
            CheckSerial(serial, "device_path");
            paths[serial] = DevicePathProblem(path) is { } problem
                ? throw Invalid($"device_path['{serial}']", problem, serial)
                : path;
        }

        var sources = new SortedDictionary<string, IscsiNetworkSource>(StringComparer.Ordinal);
        foreach (var (serial, source) in iscsiSources ?? new Dictionary<string, IscsiNetworkSource>())
        {
            CheckSerial(serial, "iscsi_source");
            sources[serial] = source ?? throw Invalid($"iscsi_source['{serial}']", "is null.", serial);
            if (paths.ContainsKey(serial))
            {
                throw Invalid($"iscsi_source['{serial}']", "repeats a serial that device_path has already; a volume has one destination.", serial);
            }
        }

        DevicePaths = paths;
        IscsiSources = sources;
    }

    /// <summary>Gets the destination block device path of every volume attached through the kernel initiator, by serial.</summary>
    public IReadOnlyDictionary<string, string> DevicePaths { get; }

    /// <summary>Gets the destination libiscsi source of every volume QEMU reaches itself, by serial.</summary>
    public IReadOnlyDictionary<string, IscsiNetworkSource> IscsiSources { get; }

    /// <summary>Gets every serial of the map (device paths first, then libiscsi sources; each ordinal-sorted).</summary>
    public IEnumerable<string> Serials => DevicePaths.Keys.Concat(IscsiSources.Keys);

    /// <summary>
    /// Builds the map from the destination's attachments (what <see cref="IVolumeConnector.ConnectVolumeAsync"/>
    /// returned there), keyed by the volume serial (Nova: the Cinder volume id).
    /// </summary>
    /// <param name="attachments">Serial → the attachment made on the destination host.</param>
    /// <param name="iscsiSources">Serial → libiscsi source, for volumes QEMU reaches itself; none when <see langword="null"/>.</param>
    /// <returns>The map; each path is <see cref="DevicePathOf"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="attachments"/> is <see langword="null"/>.</exception>
    /// <exception cref="LiveMigrationException">A serial repeats or is malformed (<see cref="LiveMigrationFailure.InvalidDeviceMap"/>).</exception>
    public static DestinationDeviceMap FromAttachments(
        IEnumerable<KeyValuePair<string, VolumeAttachment>> attachments,
        IEnumerable<KeyValuePair<string, IscsiNetworkSource>>? iscsiSources = null)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (serial, attachment) in attachments)
        {
            ArgumentNullException.ThrowIfNull(attachment);
            if (!paths.TryAdd(serial ?? string.Empty, DevicePathOf(attachment)))
            {
                throw Invalid("device_path", $"serial {ValueRules.Show(serial ?? string.Empty)} is given twice.", serial);
            }
        }

        var sources = new Dictionary<string, IscsiNetworkSource>(StringComparer.Ordinal);
        foreach (var (serial, source) in iscsiSources ?? [])
        {
            if (!sources.TryAdd(serial ?? string.Empty, source))
            {
                throw Invalid("iscsi_source", $"serial {ValueRules.Show(serial ?? string.Empty)} is given twice.", serial);
            }
        }

        return new DestinationDeviceMap(paths, sources);
    }

    /// <summary>
    /// Gets the path a domain XML should name for an attachment: the multipath device (<see cref="VolumeAttachment.Path"/>)
    /// for multipath; otherwise the stable <c>/dev/disk/by-path/…</c> link, or the disk itself when udev made no link.
    /// </summary>
    /// <param name="attachment">The attachment on the destination host.</param>
    /// <returns>The device path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="attachment"/> is <see langword="null"/>.</exception>
    public static string DevicePathOf(VolumeAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return attachment.IsMultipath ? attachment.Path : attachment.ByPath ?? attachment.Path;
    }

    private static void CheckSerial(string? serial, string key)
    {
        if (string.IsNullOrWhiteSpace(serial))
        {
            throw Invalid(key, "has an empty serial.", null);
        }

        if (ValueRules.ContainsControl(serial) || serial.Trim().Length != serial.Length)
        {
            throw Invalid(key, $"serial {ValueRules.Show(serial)} has a control character or surrounding whitespace.", serial);
        }
    }

    private static string? DevicePathProblem(string? path)
    {
        if (path is null)
        {
            return "is null.";
        }

        if (ValueRules.ArgumentProblem(path) is { } problem)
        {
            return $"{ValueRules.Show(path)} {problem}.";
        }

        return !path.StartsWith("/dev/", StringComparison.Ordinal) || path.Contains("/../", StringComparison.Ordinal) || path.Contains("/./", StringComparison.Ordinal) || path.EndsWith('/')
            ? $"{ValueRules.Show(path)} is not a device path under /dev/."
            : null;
    }

    private static LiveMigrationException Invalid(string key, string problem, string? serial) =>
        new(LiveMigrationFailure.InvalidDeviceMap, $"Destination device map key '{key}': {problem}", serial);
}
