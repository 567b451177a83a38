using IscsiConnector.Internal;
using IscsiConnector.Telemetry;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// <see cref="IVolumeConnector"/>: checks the input before the first command, then hands attach to the
/// <see cref="AttachOrchestrator"/>, disconnect to the <see cref="Detacher"/> and the queries to <see cref="VolumeQueries"/>.
/// Each operation runs inside its span and log scope (<see cref="OperationTelemetry"/>), begun after the input
/// check so that a rejected input starts nothing, and inside a <see cref="SecretScope"/> of its <c>connection_info</c>'s
/// CHAP secrets, so no command failure shows one. Built by <see cref="IscsiConnectorFactory"/> (and the DI extension).
/// </summary>
internal sealed class VolumeConnector(AttachOrchestrator attach, Detacher detacher, VolumeQueries queries, OperationTelemetry telemetry) : IVolumeConnector
{
    public async Task<VolumeAttachment> ConnectVolumeAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default)
    {
        ConnectionInfoGuard.Validate(connectionInfo);
        cancellationToken.ThrowIfCancellationRequested();
        using var secrets = SecretScope.For(connectionInfo);
        using var operation = Begin(ConnectorActivities.Attach, "Attach", connectionInfo);
        try
        {
            var attachment = await attach.ConnectAsync(connectionInfo, cancellationToken).ConfigureAwait(false);
            operation.Activity?.SetTag(TelemetryTags.DevicePath, attachment.Path);
            telemetry.Metrics.Attach.Finished(attach.UsesMultipath, operation.Elapsed, error: null);
            return attachment;
        }
        catch (Exception e)
        {
            operation.Failed(e);
            telemetry.Metrics.Attach.Finished(attach.UsesMultipath, operation.Elapsed, e);
            throw;
        }
    }

    public async Task<DisconnectResult> DisconnectVolumeAsync(ConnectionInfo connectionInfo, VolumeAttachment? attachment = null, DisconnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ConnectionInfoGuard.Validate(connectionInfo);
        cancellationToken.ThrowIfCancellationRequested();
        using var secrets = SecretScope.For(connectionInfo);
        using var operation = Begin(ConnectorActivities.Detach, "Detach", connectionInfo);
        try
        {
            var result = await detacher.DisconnectAsync(connectionInfo, attachment, options ?? DisconnectOptions.Default, cancellationToken).ConfigureAwait(false);
            operation.Activity?.SetTag("iscsi.detach.clean", result.IsClean);
            telemetry.Metrics.Detach.Finished(operation.Elapsed, result.IsClean, error: null);
            return result;
        }
        catch (Exception e)
        {
            operation.Failed(e);
            telemetry.Metrics.Detach.Finished(operation.Elapsed, clean: null, e);
            throw;
        }
    }

    public async Task<IReadOnlyList<string>> GetVolumePathsAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default)
    {
        ConnectionInfoGuard.Validate(connectionInfo);
        using var secrets = SecretScope.For(connectionInfo);
        return await queries.GetVolumePathsAsync(connectionInfo, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> ExtendVolumeAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default)
    {
        ConnectionInfoGuard.Validate(connectionInfo);
        using var secrets = SecretScope.For(connectionInfo);
        using var operation = Begin(ConnectorActivities.Extend, "Extend", connectionInfo);
        try
        {
            return await queries.ExtendVolumeAsync(connectionInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            operation.Failed(e);
            throw;
        }
    }

    public Task<ConnectorProperties> GetConnectorPropertiesAsync(CancellationToken cancellationToken = default) =>
        queries.GetConnectorPropertiesAsync(cancellationToken);

    private OperationTelemetry.Operation Begin(string span, string operation, ConnectionInfo info) =>
        telemetry.Begin(span, operation, VolumeSessions.VolumeName(info), info.Primary.Iqn);
}
