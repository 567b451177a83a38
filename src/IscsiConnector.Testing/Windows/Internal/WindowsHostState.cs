using System.Globalization;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Testing.Windows.Internal;

/// <summary>Everything the simulated Windows host knows, behind one lock: targets, reachable portals, discovery records, sessions, disks.</summary>
internal sealed class WindowsHostState
{
    public object Gate { get; } = new();

    public string InitiatorName { get; set; } = "iqn.1991-05.com.microsoft:simulated";

    public bool MpioInstalled { get; set; } = true;

    public bool MpioClaimsIscsi { get; set; } = true;

    /// <summary>The initiator-wide secret mutual CHAP checks the target against (<c>Set-IscsiChapSecret</c>).</summary>
    public string? InitiatorChapSecret { get; set; }

    public TimeSpan Latency { get; set; }

    public TimeSpan UnreachableCost { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ScanDelay { get; set; }

    public List<WindowsTarget> Targets { get; } = [];

    public List<WindowsPortal> Portals { get; } = [];

    public List<WindowsTargetPortalRecord> TargetPortals { get; } = [];

    public List<WindowsSessionRecord> Sessions { get; } = [];

    public List<WindowsDiskRecord> Disks { get; } = [];

    public List<CmdletFailure> Failures { get; } = [];

    public int NextSession { get; set; } = 1;

    /// <summary>Disk 0 is the system disk, as on a real host.</summary>
    public int NextDisk { get; set; } = 1;

    public WindowsTarget? FindTarget(string iqn) =>
        Targets.Find(t => string.Equals(t.Iqn, iqn, StringComparison.OrdinalIgnoreCase));

    public WindowsPortal? FindPortal(string address, int port) =>
        Portals.Find(p => p.Portal.SameAddressAs(new IscsiPortal(address, port)) && p.Portal.Port == port);

    /// <summary>Takes one injected failure of <paramref name="cmdlet"/>, or <see langword="null"/>.</summary>
    public CmdletFailure? TakeFailure(string cmdlet)
    {
        var failure = Failures.Find(f => f.Remaining > 0 && string.Equals(f.Cmdlet, cmdlet, StringComparison.OrdinalIgnoreCase));
        if (failure is not null)
        {
            failure.Remaining--;
        }

        return failure;
    }

    public string NewSessionIdentifier(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"ffffe00000000{number:x3}-40000137000000{number:x2}");
}

/// <summary>A target the simulated storage offers.</summary>
internal sealed record WindowsTarget(string Iqn, IReadOnlyList<SimulatedLun> Luns, int Tid)
{
    public WindowsChap? Chap { get; set; }
}

/// <summary>A target's CHAP account: what the initiator must present, and for mutual CHAP what the target answers with.</summary>
internal sealed record WindowsChap(string Username, string Secret, string? UsernameIn, string? SecretIn);

/// <summary>A reachable (or not) portal of the simulated storage.</summary>
internal sealed record WindowsPortal(IscsiPortal Portal, IReadOnlyList<string> Targets)
{
    public PortalState State { get; set; }

    public bool Offers(string iqn) => Targets.Count == 0 || Targets.Contains(iqn, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A discovery record (<c>New-IscsiTargetPortal</c>).</summary>
internal sealed record WindowsTargetPortalRecord(string Address, int Port, string? InitiatorPortalAddress, string? InitiatorInstanceName);

/// <summary>A logged-in session and its one connection.</summary>
internal sealed record WindowsSessionRecord(
    int Number,
    string Identifier,
    string Iqn,
    string PortalAddress,
    int PortalPort,
    string? InitiatorPortalAddress,
    string? InitiatorInstanceName,
    string AuthenticationType,
    bool Persistent,
    bool Multipath,
    long VisibleAt);

/// <summary>A disk: one per LUN and session, or one per LUN for all MPIO sessions when MPIO claims iSCSI.</summary>
internal sealed class WindowsDiskRecord(int number, string iqn, SimulatedLun lun, string wwid)
{
    public int Number { get; } = number;

    public string Iqn { get; } = iqn;

    public SimulatedLun Lun { get; } = lun;

    /// <summary>The NAA identifier in hex without <c>naa.</c>, as <c>MSFT_Disk.UniqueId</c> shows it.</summary>
    public string Wwid { get; } = wwid;

    public bool Mpio { get; init; }

    public HashSet<int> Sessions { get; } = [];
}

/// <summary>A scripted cmdlet failure: the next <see cref="Remaining"/> calls of the cmdlet fail with <see cref="Code"/>.</summary>
internal sealed class CmdletFailure(string cmdlet, int times, long code, string message)
{
    public string Cmdlet { get; } = cmdlet;

    public int Remaining { get; set; } = times;

    public long Code { get; } = code;

    public string Message { get; } = message;
}
