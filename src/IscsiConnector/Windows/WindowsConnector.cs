using IscsiConnector.Windows.Internal;

namespace IscsiConnector.Windows;

/// <summary>
/// The connector on Windows: the shared flow (failover order, multipath rules, CHAP on every portal, shared-target
/// safety, undo) over <see cref="WindowsIscsiInitiator"/>, with the values only Windows refuses (LUN above 255, CHAP
/// secrets outside 12–16 characters, an iface that is not an IP address) refused before any process starts.
/// </summary>
internal sealed class WindowsConnector(IVolumeConnector flow, string iface) : IVolumeConnector
{
    public Task<VolumeAttachment> ConnectVolumeAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default)
    {
        Check(connectionInfo);
        return flow.ConnectVolumeAsync(connectionInfo, cancellationToken);
    }

    public Task<DisconnectResult> DisconnectVolumeAsync(ConnectionInfo connectionInfo, VolumeAttachment? attachment = null, DisconnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(connectionInfo);
        return flow.DisconnectVolumeAsync(connectionInfo, attachment, options, cancellationToken);
    }

    public Task<IReadOnlyList<string>> GetVolumePathsAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default)
    {
        Check(connectionInfo);
        return flow.GetVolumePathsAsync(connectionInfo, cancellationToken);
    }

    public Task<long> ExtendVolumeAsync(ConnectionInfo connectionInfo, CancellationToken cancellationToken = default)
    {
        Check(connectionInfo);
        return flow.ExtendVolumeAsync(connectionInfo, cancellationToken);
    }

    public Task<ConnectorProperties> GetConnectorPropertiesAsync(CancellationToken cancellationToken = default) =>
        flow.GetConnectorPropertiesAsync(cancellationToken);

    private void Check(ConnectionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);

        // The shared rules first, so that their key-naming errors stay the same on both platforms; a model without a
        // primary portal is left to the shared flow, which names the key.
        if (info.Primary is not null)
        {
            info.Validate();
            WindowsValueRules.Check(info, iface);
        }
    }
}
