using System.CommandLine;
using IscsiConnector.Cli.Hosting;
using IscsiConnector.Cli.Output;
using IscsiConnector.Readiness;
using IscsiConnector.Transports;

namespace IscsiConnector.Cli.Commands;

/// <summary><c>connect</c>: attach the volume; one JSON object on standard output.</summary>
internal static class ConnectCommand
{
    public static Command Create(CliOptions options) => VolumeCommand.Create(
        options,
        "connect",
        "Attach the volume (failover or multipath) and print its device as JSON.",
        async (_, settings, info, cancellationToken) =>
        {
            using var session = ConnectorSession.Open(settings);
            var started = session.Time.GetTimestamp();
            try
            {
                var attachment = await session.Connector.ConnectVolumeAsync(info, cancellationToken);
                JsonOutput.Write(w => AttachJson.WriteAttachment(w, attachment));
                return ExitCodes.Success;
            }
            catch (VolumeAttachException ex)
            {
                // Standard output still gets JSON: every portal with its outcome and error, so a script can tell why.
                JsonOutput.Write(w => AttachJson.WriteFailure(w, ex, session.Time.GetElapsedTime(started)));
                return ex.IsAuthenticationFailure ? ExitCodes.AuthenticationFailed : ExitCodes.AttachFailed;
            }
            catch (HostNotReadyException ex)
            {
                // The host check stopped the attach before any node record or login (its Error log line says what is missing
                // and how to fix it); the JSON lists every finding.
                JsonOutput.Write(w => HostCheckJson.WriteNotReady(w, ex, session.Time.GetElapsedTime(started)));
                return ExitCodes.HostNotReady;
            }
            catch (IscsiTransportException ex)
            {
                // --transport-fallback fail: the iface was refused before any node command ran.
                JsonOutput.Write(w => AttachJson.WriteTransportFailure(w, ex, session.Time.GetElapsedTime(started)));

                // The console logger (--verbose) writes from a background queue: disposing the session drains it, so the
                // error line is the last line on stderr, as everywhere else (disposing twice is harmless).
                session.Dispose();
                return Guarded.Fail(ExitCodes.TransportUnusable, ex.Message);
            }
        },
        [.. options.Attach, options.LockDirectory, .. options.Host()]);
}
