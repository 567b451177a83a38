using IscsiConnector.Internal;

namespace IscsiConnector.Connector.Internal;

/// <summary>
/// <see cref="IVolumeConnector"/>: checks the input before the first command, then hands attach to the
/// <see cref="AttachOrchestrator"/>, disconnect to the <see cref="Detacher"/> and the queries to <see cref="VolumeQueries"/>.
/// Every operation runs inside a <see cref="SecretScope"/> of its <c>connection_info</c>'s CHAP secrets, so no command
/// failure shows one. Built by <see cref="IscsiConnectorFactory"/> (and the DI extension), which wires the parts.
/// </summary>
internal sealed class VolumeConnector(AttachOrchestrator attach, Detacher detacher, VolumeQueries queries) : IVolumeConnector
{
    public async Task<VolumeAttachment> ConnectVolumeAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default)
    {
        ConnectionInfoGuard.Validate(connectionInfo);
        cancellationToken.ThrowIfCancellationRequested();
        using var secrets = SecretScope.For(connectionInfo);
        return await attach.ConnectAsync(connectionInfo, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DisconnectResult> DisconnectVolumeAsync(ConnectionInfo connectionInfo, VolumeAttachment? attachment = null, DisconnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ConnectionInfoGuard.Validate(connectionInfo);
        cancellationToken.ThrowIfCancellationRequested();
        using var secrets = SecretScope.For(connectionInfo);
        return await detacher.DisconnectAsync(connectionInfo, attachment, options ?? DisconnectOptions.Default, cancellationToken).ConfigureAwait(false);
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
        return await queries.ExtendVolumeAsync(connectionInfo, cancellationToken).ConfigureAwait(false);
    }

    public Task<ConnectorProperties> GetConnectorPropertiesAsync(CancellationToken cancellationToken = default) =>
        queries.GetConnectorPropertiesAsync(cancellationToken);
}
