using System.CommandLine;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Output;
using IscsiConnector.Migration;

namespace IscsiConnector.Cli.Commands;

/// <summary><c>device-paths</c> (spec 003 EX1): on the destination host, the map {serial → device path or libiscsi source} the source host needs.</summary>
internal static class DevicePathsCommand
{
    public static Command Create()
    {
        var attachments = MigrationInputs.Pairs("--attachment", "A volume attached here with 'connect': its serial (the domain's <serial>, Nova: the volume id) and the JSON 'connect' printed. Repeat per volume.");
        var libiscsi = MigrationInputs.Pairs("--libiscsi", "A volume QEMU reaches itself: its serial and the JSON 'libiscsi' printed. Repeat per volume.");
        var command = new Command("device-paths", "Print the destination device map for a live migration (spec 003 EX1): device_path for kernel-initiator volumes, iscsi_source for libiscsi ones.")
        {
            attachments,
            libiscsi,
        };
        command.SetAction((result, _) => Guarded.RunAsync(() =>
        {
            var blocks = (result.GetValue(attachments) ?? []).Select(v => MigrationInputs.SerialAndFile(v, "--attachment"))
                .Select(p => new KeyValuePair<string, VolumeAttachment>(p.Serial, MigrationInputs.ReadAttachment(p.File, "--attachment")))
                .ToList();
            var sources = (result.GetValue(libiscsi) ?? []).Select(v => MigrationInputs.SerialAndFile(v, "--libiscsi"))
                .Select(p => new KeyValuePair<string, IscsiNetworkSource>(p.Serial, MigrationInputs.ReadLibiscsiSource(p.Serial, p.File, "--libiscsi")))
                .ToList();
            if (blocks.Count + sources.Count == 0)
            {
                throw new UsageException("device-paths: give at least one --attachment SERIAL=FILE or --libiscsi SERIAL=FILE.");
            }

            DestinationDeviceMap map;
            try
            {
                map = DestinationDeviceMap.FromAttachments(blocks, sources);
            }
            catch (LiveMigrationException ex)
            {
                throw new UsageException(ex.Message, ex);
            }

            JsonOutput.Write(w => w.WriteRawValue(map.ToJson()));
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
