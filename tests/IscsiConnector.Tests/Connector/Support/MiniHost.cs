using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Tests.Support;

namespace IscsiConnector.Tests.Connector.Support;

/// <summary>
/// A small scripted host for the connector's tests (until the shared SimulatedIscsiHost is merged): an
/// in-memory open-iscsi (node records, sessions), tgtd-like targets, sysfs, udev by-path links and
/// multipathd, behind <see cref="ICommandExecutor"/> and <see cref="IHostFileSystem"/>. Behaviour follows
/// the test bed's RECIPE.md (exit codes 8/15/21/24, manual scan, LUN 0 controller).
/// </summary>
internal sealed partial class MiniHost : ICommandExecutor, IHostFileSystem
{
    private readonly object _gate = new();
    private readonly List<CommandSpec> _commands = [];
    private int _nextSession = 1;
    private int _nextScsiHost = 2;
    private int _nextDisk;
    private int _nextMap;

    public MiniHost(ManualTimeProvider time)
    {
        Time = time;
    }

    public ManualTimeProvider Time { get; }

    public string InitiatorName { get; set; } = "iqn.1993-08.org.debian:01:minihost";

    public bool Udev { get; set; } = true;

    public bool MultipathdRunning { get; set; } = true;

    /// <summary>Whether multipathd builds maps by itself when a disk appears (find_multipaths no); otherwise only after "multipathd add path".</summary>
    public bool AutoMultipath { get; set; }

    public int MultipathFlushFailures { get; set; }

    /// <summary>Whether writes to sysfs fail as for a process without root (EACCES).</summary>
    public bool SysfsReadOnly { get; set; }

    public int BlockdevFlushFailures { get; set; }

    /// <summary>Exit codes returned by the next logins, in order, before normal behaviour resumes.</summary>
    public Queue<int> ScriptedLoginExitCodes { get; } = new();

    /// <summary>Called before a command runs (may cancel a token the test holds).</summary>
    public Action<CommandSpec>? BeforeCommand { get; set; }

    /// <summary>Awaited before a command runs (lets a test hold commands back until others arrive).</summary>
    public Func<CommandSpec, Task>? BeforeCommandAsync { get; set; }

    /// <summary>Called after a command ran.</summary>
    public Action<CommandSpec>? AfterCommand { get; set; }

    public List<MiniPortal> Portals { get; } = [];

    public Dictionary<(string Host, int Port, string Iqn), Dictionary<string, string>> Nodes { get; } = [];

    public List<MiniSession> Sessions { get; } = [];

    public Dictionary<string, MiniDisk> Disks { get; } = new(StringComparer.Ordinal);

    public List<MiniMap> Maps { get; } = [];

    public HashSet<(string Host, int Port)> DiscoveryRecords { get; } = [];

    public IReadOnlyList<CommandSpec> Commands
    {
        get
        {
            lock (_gate)
            {
                return _commands.ToList();
            }
        }
    }

    public int CountOf(string program) => Commands.Count(c => c.FileName == program);

    public void ClearCommands()
    {
        lock (_gate)
        {
            _commands.Clear();
        }
    }

    public MiniPortal Portal(string host, int port = 3260)
    {
        lock (_gate)
        {
            var portal = Portals.FirstOrDefault(p => p.Host == host && p.Port == port);
            if (portal is null)
            {
                portal = new MiniPortal(host, port);
                Portals.Add(portal);
            }

            return portal;
        }
    }

    /// <summary>Adds a target with a controller at LUN 0 (as tgtd) and the given disk LUNs.</summary>
    public MiniTarget AddTarget(string host, string iqn, int port = 3260)
    {
        var target = new MiniTarget(iqn);
        Portal(host, port).Targets.Add(target);
        return target;
    }

    /// <summary>Exports the same target object on another portal (one volume, two paths).</summary>
    public void Export(MiniTarget target, string host, int port = 3260) => Portal(host, port).Targets.Add(target);

    /// <summary>Logs in directly, as another volume or an administrator would have.</summary>
    public MiniSession LoginDirectly(string host, string iqn, int port = 3260, params int[] scanLuns)
    {
        lock (_gate)
        {
            var portal = Portal(host, port);
            Nodes.TryAdd((host, port, iqn), new Dictionary<string, string>(StringComparer.Ordinal));
            var session = CreateSession(portal, portal.Targets.Single(t => t.Iqn == iqn));
            foreach (var lun in scanLuns)
            {
                session.Target.Luns[lun].Scans = int.MaxValue - 1;
                ScanLocked(session, lun);
            }

            return session;
        }
    }

    public MiniSession? SessionFor(string host, string iqn, int port = 3260)
    {
        lock (_gate)
        {
            return Sessions.FirstOrDefault(s => s.Portal.Host == host && s.Portal.Port == port && s.Target.Iqn == iqn);
        }
    }

    private MiniSession CreateSession(MiniPortal portal, MiniTarget target)
    {
        var session = new MiniSession { Id = _nextSession++, ScsiHost = _nextScsiHost++, Portal = portal, Target = target };
        Sessions.Add(session);
        return session;
    }

    private void ScanLocked(MiniSession session, int lun)
    {
        if (!session.Target.Luns.TryGetValue(lun, out var info) || session.Disks.ContainsKey(lun))
        {
            return;
        }

        info.Scans++;
        if (info.Scans < info.ScansNeeded)
        {
            return;
        }

        var name = "sd" + (char)('a' + _nextDisk++);
        session.Disks[lun] = name;
        Disks[name] = new MiniDisk { Name = name, Session = session, Lun = lun, Size = info.Size, Wwid = info.Wwid };
        if (AutoMultipath && MultipathdRunning)
        {
            AddToMap(name);
        }
    }

    private void AddToMap(string disk)
    {
        var wwid = Disks[disk].Wwid;
        var map = Maps.FirstOrDefault(m => m.Wwid == wwid);
        if (map is null)
        {
            map = new MiniMap { Device = "dm-" + _nextMap, Name = "mpath" + (char)('a' + _nextMap), Wwid = wwid, Size = Disks[disk].Size };
            _nextMap++;
            Maps.Add(map);
        }

        foreach (var other in Disks.Values.Where(d => d.Wwid == wwid && !map.Slaves.Contains(d.Name)))
        {
            map.Slaves.Add(other.Name);
        }
    }

    private void RemoveDiskLocked(string name)
    {
        if (!Disks.Remove(name, out var disk))
        {
            return;
        }

        disk.Session.Disks.Remove(disk.Lun);
        disk.Session.Target.Luns[disk.Lun].Scans = 0;
        foreach (var map in Maps)
        {
            map.Slaves.Remove(name);
        }

        // multipathd drops a map whose last path went away (when nothing holds it open).
        Maps.RemoveAll(m => m.Slaves.Count == 0);
    }

    private static string UdevWwid(string sysfs) => "3" + sysfs[4..];

    internal static string Uuid(MiniMap map) => "mpath-" + UdevWwid(map.Wwid);
}
