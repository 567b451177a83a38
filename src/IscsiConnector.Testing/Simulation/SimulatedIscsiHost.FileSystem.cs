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

    /// <summary>Gets or sets a value indicating whether sysfs attributes may be written; <see langword="false"/> makes every write fail as for a process without root.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool SysfsWritable
    {
        get => Locked(() => _state.SysfsWritable);
        set => Locked(() => _state.SysfsWritable = value);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Writable: <c>/sys/class/scsi_host/hostH/scan</c> (<c>"0 0 L"</c> or <c>"- - -"</c>), and a SCSI device's
    /// <c>delete</c> and <c>rescan</c> (also through <c>/sys/block/sdX/device/</c>). Anything else throws
    /// <see cref="IOException"/> like a read-only sysfs file; every write throws <see cref="UnauthorizedAccessException"/>
    /// while <see cref="SysfsWritable"/> is <see langword="false"/>.
    /// </remarks>
    public void WriteAllText(string path, string contents)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(contents);
        lock (_state.Gate)
        {
            if (!_state.SysfsWritable)
            {
                throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
            }

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
