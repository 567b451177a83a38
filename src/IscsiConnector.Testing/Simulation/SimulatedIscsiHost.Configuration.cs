using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing.Simulation;

public sealed partial class SimulatedIscsiHost
{
    /// <summary>The size of the LUN a target gets when none is given: 1 GiB.</summary>
    public const long DefaultLunSizeBytes = 1L << 30;

    /// <summary>
    /// Adds a target with its LUNs. Like tgtd, a target without an explicit LUN 0 also shows LUN 0 as a controller
    /// (a SCSI device <c>H:0:0:0</c> without a block device).
    /// </summary>
    /// <param name="iqn">The target name.</param>
    /// <param name="luns">The LUNs; none gives one LUN 1 of <see cref="DefaultLunSizeBytes"/>.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The IQN is invalid or already added, a LUN number repeats, or a size is not a positive multiple of 512.</exception>
    public SimulatedIscsiHost AddTarget(string iqn, params SimulatedLun[] luns)
    {
        Guard.Name(iqn, nameof(iqn));
        ArgumentNullException.ThrowIfNull(luns);
        SimulatedLun[] units = luns.Length == 0 ? [new SimulatedLun(1, DefaultLunSizeBytes)] : luns;
        foreach (var unit in units)
        {
            ArgumentNullException.ThrowIfNull(unit, nameof(luns));
            if (unit.Lun is < 0 or > 16383)
            {
                throw new ArgumentException($"LUN {unit.Lun} of {iqn} is out of range 0-16383.", nameof(luns));
            }

            if (unit.SizeBytes <= 0 || unit.SizeBytes % 512 != 0)
            {
                throw new ArgumentException($"LUN {unit.Lun} of {iqn}: size {unit.SizeBytes} must be a positive multiple of 512 bytes.", nameof(luns));
            }

            if (unit.Wwid is not null)
            {
                Guard.Name(unit.Wwid, nameof(luns));
            }
        }

        if (units.GroupBy(u => u.Lun).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"LUN {repeated.Key} of {iqn} is given twice.", nameof(luns));
        }

        lock (_state.Gate)
        {
            if (_state.FindTarget(iqn) is not null)
            {
                throw new ArgumentException($"Target {iqn} was already added.", nameof(iqn));
            }

            var target = new TargetDef(iqn, _state.Targets.Count + 1);
            if (!units.Any(u => u.Lun == 0))
            {
                target.Luns.Add(new LunDef(0, 512, Kernel.DefaultWwid(target.Tid, 0), "IET", "Controller", isController: true));
            }

            foreach (var unit in units.OrderBy(u => u.Lun))
            {
                target.Luns.Add(new LunDef(unit.Lun, unit.SizeBytes, unit.Wwid ?? Kernel.DefaultWwid(target.Tid, unit.Lun), unit.Vendor, unit.Model, isController: false));
            }

            _state.Targets.Add(target);
        }

        return this;
    }

    /// <summary>Requires CHAP for logins to a target (tgtd <c>--op bind --mode account</c>).</summary>
    /// <param name="iqn">The target, added before.</param>
    /// <param name="username">The initiator's user name.</param>
    /// <param name="password">The initiator's secret.</param>
    /// <param name="mutualUsername">For mutual CHAP, the target's user name the initiator must expect (<c>username_in</c>), or <see langword="null"/>.</param>
    /// <param name="mutualPassword">For mutual CHAP, the target's secret (<c>password_in</c>), or <see langword="null"/>.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The target is unknown or a value is invalid.</exception>
    public SimulatedIscsiHost WithTargetChap(string iqn, string username, string password, string? mutualUsername = null, string? mutualPassword = null)
    {
        Guard.Name(username, nameof(username));
        Guard.Secret(password, nameof(password));
        if ((mutualUsername is null) != (mutualPassword is null))
        {
            throw new ArgumentException("Mutual CHAP needs both a user name and a secret.", nameof(mutualUsername));
        }

        lock (_state.Gate)
        {
            var target = RequireTarget(iqn);
            target.Chap = new ChapAccount(username, password);
            target.MutualChap = mutualUsername is null ? null : new ChapAccount(mutualUsername, mutualPassword!);
        }

        return this;
    }

    /// <summary>Adds a portal (an address the target daemon listens on, or a dead one).</summary>
    /// <param name="address"><c>127.0.0.1:3260</c>, <c>127.0.0.2</c> (port 3260) or <c>[::1]:3260</c>.</param>
    /// <param name="state">How the portal answers.</param>
    /// <param name="targetIqns">The targets it exposes (added before); none means every target, also those added later.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The address cannot be parsed or was already added, or a target is unknown.</exception>
    public SimulatedIscsiHost AddPortal(string address, PortalState state = PortalState.Up, params string[] targetIqns)
    {
        ArgumentNullException.ThrowIfNull(targetIqns);
        var key = PortalAddress.Parse(address, "Portal");
        lock (_state.Gate)
        {
            if (_state.Portals.ContainsKey(key))
            {
                throw new ArgumentException($"Portal {key} was already added.", nameof(address));
            }

            foreach (var iqn in targetIqns)
            {
                RequireTarget(iqn);
            }

            _state.Portals[key] = new PortalDef(key) { State = state, TargetIqns = targetIqns.Length == 0 ? null : [.. targetIqns] };
        }

        return this;
    }

    /// <summary>Requires discovery CHAP for SendTargets discovery through a portal.</summary>
    /// <param name="address">The portal, added before.</param>
    /// <param name="username">The discovery user name.</param>
    /// <param name="password">The discovery secret.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The portal is unknown or a value is invalid.</exception>
    public SimulatedIscsiHost WithDiscoveryChap(string address, string username, string password)
    {
        Guard.Name(username, nameof(username));
        Guard.Secret(password, nameof(password));
        lock (_state.Gate)
        {
            RequirePortal(address).DiscoveryChap = new ChapAccount(username, password);
        }

        return this;
    }

    /// <summary>
    /// Changes a portal's state at run time (a path dies or comes back). Sessions through it turn <c>FAILED</c> and their
    /// devices <c>blocked</c> while it is not up, and recover when it is up again; new logins see the new state at once.
    /// </summary>
    /// <param name="address">The portal, added before.</param>
    /// <param name="state">The new state.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The portal is unknown.</exception>
    public SimulatedIscsiHost SetPortalState(string address, PortalState state)
    {
        lock (_state.Gate)
        {
            var portal = RequirePortal(address);
            portal.State = state;
            foreach (var session in _state.Sessions.Values.Where(s => s.Portal == portal.Address))
            {
                session.State = state == PortalState.Up ? "LOGGED_IN" : "FAILED";
                foreach (var device in _state.Devices.Where(d => d.Session == session))
                {
                    device.State = state == PortalState.Up ? "running" : "blocked";
                }
            }
        }

        return this;
    }

    /// <summary>Makes every command take <paramref name="latency"/> (process start and work), unless a program has its own.</summary>
    /// <param name="latency">The time per command; captured real values are 110–390 ms under QEMU TCG.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public SimulatedIscsiHost WithLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_state.Gate)
        {
            _state.DefaultLatency = latency;
        }

        return this;
    }

    /// <summary>Makes every run of <paramref name="program"/> take <paramref name="latency"/>.</summary>
    /// <param name="program">The program name, e.g. <c>iscsiadm</c>.</param>
    /// <param name="latency">The time per run.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public SimulatedIscsiHost WithLatency(string program, TimeSpan latency)
    {
        Guard.Name(program, nameof(program));
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_state.Gate)
        {
            _state.Latencies[program] = latency;
        }

        return this;
    }

    /// <summary>Changes a LUN's size on the target side. Devices keep the old size until rescanned (<c>device/rescan</c> or <c>iscsiadm -m session -r N --rescan</c>); maps until <c>multipathd resize map</c>.</summary>
    /// <param name="iqn">The target.</param>
    /// <param name="lun">The LUN number.</param>
    /// <param name="newSizeBytes">The new size, a positive multiple of 512.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The target or LUN is unknown, or the size is invalid.</exception>
    public SimulatedIscsiHost ResizeLun(string iqn, int lun, long newSizeBytes)
    {
        if (newSizeBytes <= 0 || newSizeBytes % 512 != 0)
        {
            throw new ArgumentException($"Size {newSizeBytes} must be a positive multiple of 512 bytes.", nameof(newSizeBytes));
        }

        lock (_state.Gate)
        {
            var unit = RequireTarget(iqn).Luns.Find(l => l.Lun == lun && !l.IsController)
                ?? throw new ArgumentException($"Target {iqn} has no disk LUN {lun}.", nameof(lun));
            unit.SizeBytes = newSizeBytes;
        }

        return this;
    }

    /// <summary>Makes the next <paramref name="times"/> runs of a command fail with the given answer, before the emulation sees them.</summary>
    /// <param name="program">The program, e.g. <c>multipath</c>.</param>
    /// <param name="argumentPrefix">The first arguments that must match, e.g. <c>["-f"]</c>; empty matches every run.</param>
    /// <param name="times">How many runs fail.</param>
    /// <param name="exitCode">The exit code to report.</param>
    /// <param name="standardError">The standard error text.</param>
    /// <param name="standardOutput">The standard output text.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is less than 1.</exception>
    public SimulatedIscsiHost InjectFailure(string program, IEnumerable<string> argumentPrefix, int times, int exitCode, string standardError = "", string standardOutput = "")
    {
        Guard.Name(program, nameof(program));
        ArgumentNullException.ThrowIfNull(argumentPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_state.Gate)
        {
            _state.Failures.Add(new InjectedFailure(program, [.. argumentPrefix], times, exitCode, standardOutput, standardError));
        }

        return this;
    }

    /// <summary>Makes the next <paramref name="times"/> flushes of a map fail as "in use" (<c>multipath -f</c> exits 1).</summary>
    /// <param name="mapName">The map name, e.g. <c>mpatha</c>.</param>
    /// <param name="times">How many flushes fail.</param>
    /// <returns>This host.</returns>
    public SimulatedIscsiHost MakeMapBusy(string mapName, int times = 1) =>
        InjectFailure("multipath", ["-f", mapName], times, 1, $"{mapName}: map in use\n");

    private TargetDef RequireTarget(string iqn) =>
        _state.FindTarget(iqn) ?? throw new ArgumentException($"Target {iqn} is not defined; add it with AddTarget first.", nameof(iqn));

    private PortalDef RequirePortal(string address) =>
        _state.Portals.TryGetValue(PortalAddress.Parse(address, "Portal"), out var portal)
            ? portal
            : throw new ArgumentException($"Portal {address} is not defined; add it with AddPortal first.", nameof(address));
}
