using IscsiConnector.Execution;
using IscsiConnector.Host;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Connector.Internal;

/// <summary>The platform-neutral attach/detach flow over an <c>IIscsiInitiator</c>.</summary>
internal sealed partial class VolumeConnector : IVolumeConnector
{
    private readonly IscsiConnectorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public VolumeConnector(IscsiConnectorOptions options, ICommandExecutor executor, IHostFileSystem fileSystem, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _options = options;
        _time = time;
        _logger = loggerFactory.CreateLogger("IscsiConnector.VolumeConnector");
        _ = executor;
        _ = fileSystem;
    }

    public Task<VolumeAttachment> ConnectVolumeAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<DisconnectResult> DisconnectVolumeAsync(ConnectionInfo connectionInfo, VolumeAttachment? attachment = null, DisconnectOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<string>> GetVolumePathsAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<long> ExtendVolumeAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<ConnectorProperties> GetConnectorPropertiesAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
