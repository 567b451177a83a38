using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing.Simulation;

public sealed partial class SimulatedIscsiHost
{
    /// <inheritdoc />
    public bool Exists(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        lock (_state.Gate)
        {
            return SysfsProjection.Build(_state).Resolve(path) is not null;
        }
    }

    /// <inheritdoc />
    /// <remarks>Attributes end with a newline, as in real sysfs (<c>"LOGGED_IN\n"</c>). Reading a directory throws <see cref="IOException"/>.</remarks>
    public string? ReadAllText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        lock (_state.Gate)
        {
            return SysfsProjection.Build(_state).Read(path);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Writable: <c>/sys/class/scsi_host/hostH/scan</c> (<c>"0 0 L"</c> or <c>"- - -"</c>), and a SCSI device's
    /// <c>delete</c> and <c>rescan</c> (also through <c>/sys/block/sdX/device/</c>). Anything else throws
    /// <see cref="IOException"/> like a read-only sysfs file.
    /// </remarks>
    public void WriteAllText(string path, string contents)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(contents);
        lock (_state.Gate)
        {
            SysfsProjection.Build(_state).Write(path, contents);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ListDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        lock (_state.Gate)
        {
            return SysfsProjection.Build(_state).List(path);
        }
    }

    /// <inheritdoc />
    public string? ResolvePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        lock (_state.Gate)
        {
            return SysfsProjection.Build(_state).Resolve(path);
        }
    }
}
