namespace IscsiConnector.Windows.Internal;

/// <summary>
/// The answer of the <c>connect</c> script (one portal attempt). <c>PortalCreated</c> and <c>SessionCreated</c>
/// say what this attempt made, so that an undo removes exactly that, also when a later step failed.
/// </summary>
internal sealed record ConnectReply : ScriptReply
{
    public bool PortalCreated { get; init; }

    public bool SessionCreated { get; init; }

    public MsftIscsiSession? Session { get; init; }

    public IReadOnlyList<MsftIscsiConnection> Connections { get; init; } = [];

    public IscsiDeviceOnSession? Device { get; init; }

    public MsftDisk? Disk { get; init; }
}
