using IscsiConnector.Testing.Internal;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Testing.Windows.Internal;

namespace IscsiConnector.Testing.Windows;

/// <content>Fluent configuration: targets, CHAP, portals, costs and scripted cmdlet failures.</content>
public sealed partial class SimulatedWindowsInitiator
{
    /// <summary>Adds a target with its LUNs (none gives LUN 1 of 1 GiB).</summary>
    /// <param name="iqn">The target IQN.</param>
    /// <param name="luns">The LUNs; a LUN's WWID defaults to the one <see cref="SimulatedIscsiHost"/> gives the same target and LUN.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The IQN is malformed or already added, or a LUN is out of range 0–255 (Windows reports one-byte LUNs).</exception>
    public SimulatedWindowsInitiator AddTarget(string iqn, params SimulatedLun[] luns)
    {
        Guard.Name(iqn, nameof(iqn));
        ArgumentNullException.ThrowIfNull(luns);
        SimulatedLun[] units = luns.Length == 0 ? [new SimulatedLun(1, SimulatedIscsiHost.DefaultLunSizeBytes)] : luns;
        if (units.FirstOrDefault(u => u is null || u.Lun is < 0 or > 255 || u.SizeBytes <= 0) is { } bad)
        {
            throw new ArgumentException($"LUN {bad?.Lun} of {iqn} must be 0–255 with a positive size.", nameof(luns));
        }

        lock (_state.Gate)
        {
            if (_state.FindTarget(iqn) is not null)
            {
                throw new ArgumentException($"Target {iqn} was already added.", nameof(iqn));
            }

            _state.Targets.Add(new WindowsTarget(iqn, units, _state.Targets.Count + 1));
        }

        return this;
    }

    /// <summary>Makes logins to a target require CHAP; with <paramref name="usernameIn"/> and <paramref name="secretIn"/> the target also authenticates itself (mutual CHAP), which the initiator checks against its own secret.</summary>
    /// <param name="iqn">The target.</param>
    /// <param name="username">The user name the initiator must present.</param>
    /// <param name="secret">The secret it must present.</param>
    /// <param name="usernameIn">The target's own name for mutual CHAP, or <see langword="null"/>.</param>
    /// <param name="secretIn">The target's secret for mutual CHAP (the initiator's <c>Set-IscsiChapSecret</c> must match), or <see langword="null"/>.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The target is unknown or a value is malformed.</exception>
    public SimulatedWindowsInitiator WithTargetChap(string iqn, string username, string secret, string? usernameIn = null, string? secretIn = null)
    {
        Guard.Name(username, nameof(username));
        Guard.Secret(secret, nameof(secret));
        if (secretIn is not null)
        {
            Guard.Secret(secretIn, nameof(secretIn));
        }

        lock (_state.Gate)
        {
            var target = _state.FindTarget(iqn) ?? throw new ArgumentException($"Target {iqn} is unknown; add it first.", nameof(iqn));
            target.Chap = new WindowsChap(username, secret, usernameIn, secretIn);
        }

        return this;
    }

    /// <summary>Adds a portal of the storage.</summary>
    /// <param name="address">The address: <c>127.0.0.1:3260</c>, <c>127.0.0.2</c> or <c>[::1]:3260</c>.</param>
    /// <param name="state">Whether it answers.</param>
    /// <param name="targets">The targets it offers; none for all.</param>
    /// <returns>This host.</returns>
    /// <exception cref="FormatException">The address is malformed.</exception>
    public SimulatedWindowsInitiator AddPortal(string address, PortalState state = PortalState.Up, params string[] targets)
    {
        var portal = IscsiPortal.Parse(address);
        lock (_state.Gate)
        {
            _state.Portals.Add(new WindowsPortal(portal, [.. targets]) { State = state });
        }

        return this;
    }

    /// <summary>Changes whether a portal answers, e.g. to take a path down between an attach and a detach.</summary>
    /// <param name="address">The portal's address as added.</param>
    /// <param name="state">The new state.</param>
    /// <exception cref="ArgumentException">The portal is unknown.</exception>
    public void SetPortalState(string address, PortalState state)
    {
        var portal = IscsiPortal.Parse(address);
        lock (_state.Gate)
        {
            (_state.FindPortal(portal.Host, portal.Port) ?? throw new ArgumentException($"Portal {address} is unknown.", nameof(address))).State = state;
        }
    }

    /// <summary>Makes every PowerShell run take <paramref name="latency"/> on top of its work (Windows PowerShell starts in roughly 0.3–1 s).</summary>
    /// <param name="latency">The start-up cost per run.</param>
    /// <returns>This host.</returns>
    public SimulatedWindowsInitiator WithLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        Locked(() => _state.Latency = latency);
        return this;
    }

    /// <summary>Makes a new session's disks appear only <paramref name="delay"/> after the login, so that the script must poll.</summary>
    /// <param name="delay">The lag.</param>
    /// <returns>This host.</returns>
    public SimulatedWindowsInitiator WithScanDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Locked(() => _state.ScanDelay = delay);
        return this;
    }

    /// <summary>Makes the next <paramref name="times"/> calls of a cmdlet fail with a provider status code.</summary>
    /// <param name="cmdlet"><c>New-IscsiTargetPortal</c>, <c>Connect-IscsiTarget</c>, <c>Disconnect-IscsiTarget</c> or <c>Remove-IscsiTargetPortal</c>.</param>
    /// <param name="times">How many calls fail.</param>
    /// <param name="code">The status code, e.g. <c>0xEFFF0002</c> (ISDSC_LOGIN_FAILED).</param>
    /// <param name="message">The (simulated, English) message.</param>
    /// <returns>This host.</returns>
    public SimulatedWindowsInitiator InjectFailure(string cmdlet, int times, long code, string message = "Login Failed.")
    {
        Guard.Name(cmdlet, nameof(cmdlet));
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        Locked(() =>
        {
            _state.Failures.Add(new CmdletFailure(cmdlet, times, code, message));
            return true;
        });
        return this;
    }
}
