using System.CommandLine;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Output;

namespace IscsiConnector.Cli.Commands;

/// <summary><c>disconnect</c>: flush and remove the devices, log out; exit 5 when something is left behind, 9 when the device is another volume's.</summary>
internal static class DisconnectCommand
{
    public static Command Create(CliOptions options) => VolumeCommand.Create(
        options,
        "disconnect",
        "Flush and remove the volume's devices and log out of sessions no other LUN uses.",
        async (result, settings, info, cancellationToken) =>
        {
            var attachment = result.GetValue(options.DeviceInfo) is { } file ? InputFiles.ReadDeviceInfo(file) : null;
            var disconnectOptions = new DisconnectOptions { Force = result.GetValue(options.Force), IgnoreErrors = result.GetValue(options.IgnoreErrors) };
            using var session = ConnectorSession.Open(settings);
            await session.PrepareAttachedAsync(info, cancellationToken);
            try
            {
                var outcome = await session.Connector.DisconnectVolumeAsync(info, attachment, disconnectOptions, cancellationToken);
                JsonOutput.Write(w => HostJson.WriteDisconnect(w, outcome, null));
                return outcome.IsClean ? ExitCodes.Success : Leftovers(outcome);
            }
            catch (VolumeDetachException ex)
            {
                JsonOutput.Write(w => HostJson.WriteDisconnect(w, ex.Result, ex.Message));
                return Leftovers(ex.Result);
            }
            catch (VolumeIdentityException ex)
            {
                JsonOutput.Write(w => HostJson.WriteIdentityMismatch(w, ex));
                return Guarded.Fail(ExitCodes.VolumeMismatch, ex.Message);
            }
        },
        [options.DeviceInfo, options.Force, options.IgnoreErrors, options.AttachedMultipath, options.AttachedTransport, options.LockDirectory, .. options.Host()]);

    private static int Leftovers(DisconnectResult result) =>
        Guarded.Fail(ExitCodes.DisconnectIncomplete, $"the disconnect left {result.Problems.Count} problem(s) behind: {string.Join(" | ", result.Problems)}");
}
