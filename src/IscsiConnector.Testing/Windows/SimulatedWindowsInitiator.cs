using IscsiConnector.Execution;
using IscsiConnector.Testing.Internal;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Testing.Windows.Internal;

namespace IscsiConnector.Testing.Windows;

/// <summary>
/// A stateful, in-memory stand-in for a Windows host's iSCSI initiator as the connector drives it: Windows
/// PowerShell running the connector's scripts against target portals, targets, sessions, MPIO and disks. It
/// answers the exact scripts with the cmdlet-shaped JSON they print (see docs/windows.md), pays dead portals' costs
/// on <see cref="TimeProvider"/>, and fails anything it does not recognise.
/// </summary>
/// <remarks>
/// Thread-safe. Configure it fluently or from the scenario format of <see cref="SimulatedIscsiHost"/>
/// (<see cref="FromScenario(string, TimeProvider?)"/>). It emulates documented behaviour; it was not captured from a
/// real Windows host (docs/windows.md says what was verified and how).
/// </remarks>
public sealed partial class SimulatedWindowsInitiator : ICommandExecutor
{
    private readonly WindowsHostState _state = new();
    private readonly InvocationRecorder _recorder;
    private readonly WindowsScriptEmulator _emulator;

    /// <summary>Initializes an empty host: no targets, no portals, MPIO installed and claiming iSCSI disks.</summary>
    /// <param name="timeProvider">The clock that pays time costs; the default value is <see cref="TimeProvider.System"/>.</param>
    public SimulatedWindowsInitiator(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        _recorder = new InvocationRecorder(TimeProvider);
        _emulator = new WindowsScriptEmulator(_state, TimeProvider);
    }

    /// <summary>Gets the clock the host pays its time costs on.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets this host as the command executor to give the connector.</summary>
    public ICommandExecutor Executor => this;

    /// <summary>Gets or sets the initiator's IQN (<c>Get-InitiatorPort</c> NodeAddress).</summary>
    /// <value>The default value is <c>iqn.1991-05.com.microsoft:simulated</c>.</value>
    /// <exception cref="ArgumentException">The value is empty or contains whitespace.</exception>
    public string InitiatorName
    {
        get => Locked(() => _state.InitiatorName);
        set
        {
            Guard.Name(value, nameof(value));
            Locked(() => _state.InitiatorName = value);
        }
    }

    /// <summary>Gets or sets a value indicating whether the Multipath I/O feature is installed.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool MpioInstalled
    {
        get => Locked(() => _state.MpioInstalled);
        set => Locked(() => _state.MpioInstalled = value);
    }

    /// <summary>Gets or sets a value indicating whether the Microsoft DSM claims iSCSI disks (<c>Enable-MSDSMAutomaticClaim -BusType iSCSI</c>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool MpioClaimsIscsi
    {
        get => Locked(() => _state.MpioClaimsIscsi);
        set => Locked(() => _state.MpioClaimsIscsi = value);
    }

    /// <summary>Gets or sets how long a blackholed portal keeps a cmdlet waiting before it fails.</summary>
    /// <value>The default value is 5 seconds (a simulator setting, not a measured Windows figure).</value>
    public TimeSpan UnreachablePortalCost
    {
        get => Locked(() => _state.UnreachableCost);
        set => Locked(() => _state.UnreachableCost = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value)));
    }

    /// <summary>Gets the sessions.</summary>
    public IReadOnlyList<SimulatedWindowsSession> Sessions => Locked(() => _state.Sessions
        .Select(s => new SimulatedWindowsSession(s.Identifier, s.Iqn, new IscsiPortal(s.PortalAddress, s.PortalPort).Address, s.InitiatorPortalAddress, s.AuthenticationType, s.Persistent, s.Multipath))
        .ToArray());

    /// <summary>Gets the target portals (discovery records), as <c>address:port</c>.</summary>
    public IReadOnlyList<string> TargetPortals => Locked(() => _state.TargetPortals.Select(p => new IscsiPortal(p.Address, p.Port).Address).ToArray());

    /// <summary>Gets the iSCSI disks.</summary>
    public IReadOnlyList<SimulatedWindowsDisk> Disks => Locked(() => _state.Disks
        .Select(d => new SimulatedWindowsDisk(d.Number, d.Iqn, d.Lun.Lun, d.Wwid.ToUpperInvariant(), d.Mpio, d.Sessions.Count))
        .ToArray());

    /// <summary>Gets every command run so far, in order.</summary>
    public IReadOnlyList<RecordedCommand> Invocations => _recorder.Snapshot();

    /// <summary>Gets how many processes (PowerShell runs) the connector started.</summary>
    public int ProcessStartCount => _recorder.Count;

    /// <summary>Renders every command as a redacted command line, one per line.</summary>
    /// <returns>The commands joined with <c>\n</c>.</returns>
    public string RenderInvocations() => _recorder.Render();

    /// <summary>Forgets the recorded commands (the host state stays).</summary>
    public void ClearInvocations() => _recorder.Clear();

    /// <summary>Runs one of the connector's scripts; anything else fails (exit 127 for another program, 1 for an unknown script).</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the run and any time cost being paid; what the script already did stays done, as when a process is killed.</param>
    /// <returns>The script's one-line JSON reply on standard output.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="IscsiCommandException">The command ran longer than its <see cref="CommandSpec.Timeout"/>.</exception>
    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await SimulatedCommandRun.ExecuteAsync(
            _recorder,
            command,
            "simulated Windows host",
            () => (Locked(() => _state.Latency), token => _emulator.RunAsync(command, token)),
            cancellationToken).ConfigureAwait(false);
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_state.Gate)
        {
            return read();
        }
    }
}
