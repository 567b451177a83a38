namespace IscsiConnector.Benchmarks.Support;

/// <summary>
/// The concurrency suite's peer: the same connector, but every attach and detach waits for one host-wide lock,
/// which is what os-brick's <c>@synchronized('connect_volume', external=True)</c> on <c>connect_volume</c> and
/// <c>disconnect_volume</c> does. Only the two calls the suite makes are wrapped.
/// </summary>
public sealed class HostLockSerializedConnector(IVolumeConnector inner) : IDisposable
{
    private readonly SemaphoreSlim _hostLock = new(1, 1);

    public async Task<VolumeAttachment> ConnectVolumeAsync(ConnectionInfo connectionInfo)
    {
        await _hostLock.WaitAsync();
        try
        {
            return await inner.ConnectVolumeAsync(connectionInfo);
        }
        finally
        {
            _hostLock.Release();
        }
    }

    public async Task<DisconnectResult> DisconnectVolumeAsync(ConnectionInfo connectionInfo, VolumeAttachment attachment)
    {
        await _hostLock.WaitAsync();
        try
        {
            return await inner.DisconnectVolumeAsync(connectionInfo, attachment);
        }
        finally
        {
            _hostLock.Release();
        }
    }

    public void Dispose() => _hostLock.Dispose();
}
