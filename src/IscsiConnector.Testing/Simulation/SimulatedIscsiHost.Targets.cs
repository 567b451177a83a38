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

    private TargetDef RequireTarget(string iqn) =>
        _state.FindTarget(iqn) ?? throw new ArgumentException($"Target {iqn} is not defined; add it with AddTarget first.", nameof(iqn));
}
