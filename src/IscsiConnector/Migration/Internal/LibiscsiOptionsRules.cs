namespace IscsiConnector.Migration.Internal;

/// <summary>Checks a <see cref="LibiscsiOptions"/> against what libvirt's schema and QEMU accept, before anything is probed.</summary>
internal static class LibiscsiOptionsRules
{
    private static readonly string[] Buses = ["virtio", "scsi", "sata", "ide", "usb"];

    public static void Validate(ConnectionInfo info, LibiscsiOptions options)
    {
        if (info.Chap is { IsMutual: true })
        {
            throw new LiveMigrationException(
                LiveMigrationFailure.UnsupportedConnectionInfo,
                $"Volume {info.VolumeId ?? "(no volume_id)"} uses mutual CHAP (auth_username_in); QEMU's built-in iSCSI initiator and libvirt's network disks offer one-way CHAP only. Attach it with the kernel initiator (block mode).",
                options.Serial ?? info.VolumeId);
        }

        if (info.Chap is { } chap && !IscsiSecretReference.IsUsername(chap.Username))
        {
            throw new LiveMigrationException(
                LiveMigrationFailure.UnsupportedConnectionInfo,
                $"Volume {info.VolumeId ?? "(no volume_id)"} has a CHAP user name (auth_username) with characters libvirt's schema does not allow in <auth username> (letters, digits, '_', '+', '-' only).",
                options.Serial ?? info.VolumeId);
        }

        Require(IsName(options.TargetDev, digits: true), nameof(options.TargetDev), "must be a device name such as vdb");
        Require(Buses.Contains(options.TargetBus), nameof(options.TargetBus), $"must be one of {string.Join(", ", Buses)}");
        var serial = options.Serial ?? info.VolumeId;
        Require(serial is null || (serial.Length > 0 && serial.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '+' or '-' or ' ')), nameof(options.Serial), "must match libvirt's serial pattern [A-Za-z0-9_.+- ]+");
        Require(options.SecretUsage is null || options.SecretUuid is null, nameof(options.SecretUsage), "and SecretUuid exclude each other");
        Require(options.SecretUsage is null || (options.SecretUsage.Length > 0 && !options.SecretUsage.Any(c => char.IsControl(c) || c == '/')), nameof(options.SecretUsage), "must be non-empty without '/' or control characters (libvirt's schema)");
        Require(options.InitiatorName is null || IscsiPath.IsValidTargetName(options.InitiatorName), nameof(options.InitiatorName), "must be a valid iSCSI name (iqn.…)");
        Require(IsQemuId(options.PasswordSecretId), nameof(options.PasswordSecretId), "must be a QEMU id: a letter, then letters, digits, '-', '.', '_'");
        Require(options.NodeName is null || IsQemuId(options.NodeName), nameof(options.NodeName), "must be a QEMU id: a letter, then letters, digits, '-', '.', '_'");
        Require(options.ProbeTimeout > TimeSpan.Zero && options.ProbeTimeout <= TimeSpan.FromMinutes(1), nameof(options.ProbeTimeout), "must be more than 0 and at most 60 s");
    }

    private static bool IsName(string? value, bool digits) =>
        value is { Length: > 0 } && char.IsAsciiLetterLower(value[0]) && value.All(c => char.IsAsciiLetterLower(c) || (digits && char.IsAsciiDigit(c)));

    private static bool IsQemuId(string? value) =>
        value is { Length: > 0 and <= 128 } && char.IsAsciiLetter(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_');

    private static void Require(bool condition, string option, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"LibiscsiOptions.{option} {problem}.", option);
        }
    }
}
