using System.CommandLine;
using System.Globalization;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Output;
using IscsiConnector.Migration;

namespace IscsiConnector.Cli.Commands;

/// <summary><c>libiscsi</c>: the volume for QEMU's built-in initiator (libvirt disk, iscsi:// URL, -blockdev JSON); never logs in.</summary>
internal static class LibiscsiCommand
{
    public static Command Create(CliOptions options)
    {
        var targetDev = Text("--target-dev", "The guest device name (default vdb).", "name");
        var targetBus = Text("--target-bus", "The guest bus: virtio (default), scsi, sata, ide, usb.", "bus");
        var serial = Text("--serial", "The disk serial (default: the connection_info's volume_id).", "serial");
        var secretUsage = Text("--secret-usage", "The libvirt secret (type iscsi) holding the CHAP password, by usage (default <iqn>-lun-<lun>).", "usage");
        var secretUuid = Text("--secret-uuid", "The libvirt secret holding the CHAP password, by UUID.", "uuid");
        var initiator = Text("--initiator-name", "The initiator name QEMU logs in with.", "iqn");
        var secretId = Text("--password-secret-id", "The QEMU secret object id for the CHAP password (default iscsi-chap0).", "id");
        var nodeName = Text("--node-name", "The -blockdev node name.", "name");
        var probeTimeout = new Option<double?>("--probe-timeout") { Description = "Seconds each portal may take to accept a TCP connection (default 2).", HelpName = "seconds" };
        var noProbe = new Option<bool>("--no-probe") { Description = "Do not probe: describe the primary path." };
        var command = new Command("libiscsi", "Describe the volume for QEMU's built-in iSCSI initiator: the first portal (failover order) that accepts a TCP connection, as a libvirt <disk>, an iscsi:// URL and -blockdev JSON. Never logs in; never prints the CHAP password.")
        {
            options.ConnectionInfo, targetDev, targetBus, serial, secretUsage, secretUuid, initiator, secretId, nodeName, probeTimeout, noProbe,
        };
        command.SetAction((result, cancellationToken) => Guarded.RunAsync(async () =>
        {
            var info = InputFiles.ReadConnectionInfo(result.GetValue(options.ConnectionInfo)!);
            var libiscsi = new LibiscsiOptions
            {
                Serial = result.GetValue(serial),
                SecretUsage = result.GetValue(secretUsage),
                SecretUuid = result.GetValue(secretUuid) is { } uuid ? ParseUuid(uuid) : null,
                InitiatorName = result.GetValue(initiator),
                NodeName = result.GetValue(nodeName),
                TargetDev = result.GetValue(targetDev) ?? "vdb",
                TargetBus = result.GetValue(targetBus) ?? "virtio",
                PasswordSecretId = result.GetValue(secretId) ?? "iscsi-chap0",
                ProbeTimeout = result.GetValue(probeTimeout) is { } seconds ? Seconds(seconds) : TimeSpan.FromSeconds(2),
            };
            try
            {
                var volume = result.GetValue(noProbe)
                    ? LibiscsiConfiguration.Create(info, info.Primary, libiscsi)
                    : await LibiscsiConfiguration.CreateAsync(info, libiscsi, cancellationToken);
                JsonOutput.Write(w => MigrationJson.WriteLibiscsi(w, volume));
                return ExitCodes.Success;
            }
            catch (ArgumentException ex) when (ex.ParamName is { } name)
            {
                throw new UsageException($"--{Kebab(name)}: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
            }
            catch (LiveMigrationException ex)
            {
                JsonOutput.Write(w => MigrationJson.WriteError(w, ex));
                var code = ex.Failure == LiveMigrationFailure.NoReachablePortal ? ExitCodes.AttachFailed : ExitCodes.MigrationMismatch;
                return Guarded.Fail(code, ex.Message);
            }
        }));
        return command;
    }

    private static Option<string?> Text(string name, string description, string helpName) => new(name) { Description = description, HelpName = helpName };

    private static Guid ParseUuid(string text) =>
        Guid.TryParseExact(text, "D", out var uuid) ? uuid : throw new UsageException($"--secret-uuid: '{ToolSettings.Printable(text)}' is not a UUID (8-4-4-4-12 hex digits).");

    private static TimeSpan Seconds(double seconds) =>
        seconds is > 0 and <= 60 ? TimeSpan.FromSeconds(seconds) : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--probe-timeout: {seconds} is out of range; give more than 0 and at most 60 seconds."));

    private static string Kebab(string property) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(property);
}
