namespace IscsiConnector.Windows.Internal;

/// <summary>One session in the <c>host</c> script's answer, with its connections, its disk devices and their disks.</summary>
internal sealed record HostSession
{
    public MsftIscsiSession? Session { get; init; }

    public IReadOnlyList<MsftIscsiConnection> Connections { get; init; } = [];

    public IReadOnlyList<IscsiDeviceOnSession> Devices { get; init; } = [];

    public IReadOnlyList<MsftDisk> Disks { get; init; } = [];
}
