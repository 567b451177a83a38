using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing.Simulation;

/// <summary>
/// A stateful, in-memory stand-in for a Linux iSCSI initiator host: iscsiadm and iscsid, the kernel's sysfs and
/// <c>/dev</c>, udev's by-path links, and multipathd — one consistent state behind both
/// <see cref="ICommandExecutor"/> and <see cref="IHostFileSystem"/>. Behaviour, exit codes and texts follow real
/// open-iscsi 2.1.8, tgtd 1.0.85 and Linux 6.1 as captured in the project's QEMU test bed.
/// </summary>
/// <remarks>
/// <para>Thread-safe: every command and file operation works under one lock, and time costs (latency, dead-portal
/// timeouts) are paid outside it with <c>Task.Delay(cost, timeProvider, cancellationToken)</c>, so parallel logins
/// overlap. With <see cref="TimeProvider.System"/> the costs are real time (a CLI demo); with
/// <see cref="SimulatedTimeProvider"/> tests do not sleep.</para>
/// <para>Configure it fluently (<see cref="AddTarget"/>, <see cref="AddPortal"/>, …) or from JSON with
/// <see cref="FromScenario(string, TimeProvider?)"/>. See docs/testing.md for the differences from a real kernel.</para>
/// </remarks>
public sealed partial class SimulatedIscsiHost : ICommandExecutor, IHostFileSystem
{
    private readonly HostState _state = new();
    private readonly InvocationRecorder _recorder;
    private readonly IscsiAdmEmulator _iscsiadm;
    private readonly ToolEmulator _tools;

    /// <summary>Initializes an empty host: no targets, no portals, udev and multipathd running, <c>find_multipaths yes</c>.</summary>
    /// <param name="timeProvider">The clock that pays time costs and stamps recorded commands; the default value is <see cref="TimeProvider.System"/>.</param>
    public SimulatedIscsiHost(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        _recorder = new InvocationRecorder(TimeProvider);
        _state.Time = TimeProvider;
        _iscsiadm = new IscsiAdmEmulator(_state, TimeProvider);
        _tools = new ToolEmulator(_state);
    }

    /// <summary>Gets the clock the host pays its time costs on.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets this host as the command executor to give the connector.</summary>
    public ICommandExecutor Executor => this;

    /// <summary>Gets this host as the file system to give the connector.</summary>
    public IHostFileSystem FileSystem => this;

    /// <summary>Gets or sets the initiator name written in <c>/etc/iscsi/initiatorname.iscsi</c>.</summary>
    /// <value>The default value is <c>iqn.1993-08.org.debian:01:simulated</c>.</value>
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

    /// <summary>Gets or sets a value indicating whether udev runs: it makes <c>/dev/disk/by-path</c> links, and multipathd sees no paths without it (as captured).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Udev
    {
        get => Locked(() => _state.Udev);
        set => Locked(() => _state.Udev = value);
    }

    /// <summary>Gets or sets a value indicating whether multipathd runs (<c>multipathd show status</c> exits 0, maps get made).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool MultipathdRunning
    {
        get => Locked(() => _state.MultipathdRunning);
        set => Locked(() => _state.MultipathdRunning = value);
    }

    /// <summary>Gets or sets multipathd's <c>find_multipaths</c> policy.</summary>
    /// <value>The default value is <see cref="FindMultipathsMode.Yes"/>.</value>
    public FindMultipathsMode FindMultipaths
    {
        get => Locked(() => _state.FindMultipaths);
        set => Locked(() => _state.FindMultipaths = value);
    }

    /// <summary>Gets or sets a value indicating whether maps are named <c>mpatha</c>, <c>mpathb</c>… (otherwise by SCSI id).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UserFriendlyNames
    {
        get => Locked(() => _state.UserFriendlyNames);
        set => Locked(() => _state.UserFriendlyNames = value);
    }

    /// <summary>Sets <see cref="InitiatorName"/> fluently.</summary>
    /// <param name="initiatorName">The initiator IQN.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException"><paramref name="initiatorName"/> is empty or contains whitespace.</exception>
    public SimulatedIscsiHost WithInitiatorName(string initiatorName)
    {
        InitiatorName = initiatorName;
        return this;
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_state.Gate)
        {
            return read();
        }
    }
}
