using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Testing.Windows;

namespace IscsiConnector.Tests.Windows.Support;

/// <summary>
/// One scenario document, simulated as a Linux host (<see cref="SimulatedIscsiHost"/>) or a Windows host
/// (<see cref="SimulatedWindowsInitiator"/>), seen through what both have: sessions, the records an attach creates
/// (node records / target portals), process starts and held locks. The shared scenario tests assert only these.
/// </summary>
public abstract class PlatformHost
{
    public SimulatedTimeProvider Time { get; } = new();

    public abstract IscsiPlatform Platform { get; }

    /// <summary>Gets the sessions as <c>portal iqn</c>.</summary>
    public abstract IReadOnlyList<string> Sessions { get; }

    /// <summary>Gets the records attaches create: node records on Linux, target portals on Windows (as portal addresses).</summary>
    public abstract IReadOnlyList<string> Records { get; }

    public abstract int ProcessStartCount { get; }

    public abstract IReadOnlyList<string> HeldLocks { get; }

    public abstract ICommandExecutor Executor { get; }

    public abstract IHostFileSystem FileSystem { get; }

    public static PlatformHost Create(IscsiPlatform platform, string scenario) => platform switch
    {
        IscsiPlatform.Windows => new WindowsHost(scenario),
        _ => new LinuxHost(scenario),
    };

    /// <summary>A connector over this host, through <paramref name="executor"/> when given (to intercept commands).</summary>
    public IVolumeConnector Connector(IscsiConnectorOptions? options = null, ICommandExecutor? executor = null)
    {
        options ??= new IscsiConnectorOptions();
        options.Platform = Platform;
        return IscsiConnectorFactory.Create(options, executor ?? Executor, FileSystem, Time);
    }

    /// <summary>Whether a command is the one that logs in (iscsiadm --login, or the Windows connect script).</summary>
    public abstract bool IsLogin(CommandSpec command);

    public abstract void SetPortalState(string address, PortalState state);

    public override string ToString() => Platform.ToString();

    private static string Address(string portal) => IscsiPortal.Parse(portal).Address;

    private sealed class LinuxHost : PlatformHost
    {
        private readonly SimulatedIscsiHost _host;

        public LinuxHost(string scenario) => _host = SimulatedIscsiHost.FromScenario(scenario, Time);

        public override IscsiPlatform Platform => IscsiPlatform.Linux;

        public override IReadOnlyList<string> Sessions => [.. _host.Sessions.Select(s => $"{Address(s.Portal)} {s.TargetIqn}")];

        public override IReadOnlyList<string> Records => [.. _host.NodeRecords.Select(r => Address(r.Portal)).Distinct()];

        public override int ProcessStartCount => _host.ProcessStartCount;

        public override IReadOnlyList<string> HeldLocks => _host.HeldLocks;

        public override ICommandExecutor Executor => _host;

        public override IHostFileSystem FileSystem => _host;

        public override bool IsLogin(CommandSpec command) => command.ArgumentValues.Contains("--login");

        public override void SetPortalState(string address, PortalState state) => _host.SetPortalState(address, state);
    }

    private sealed class WindowsHost : PlatformHost
    {
        private readonly SimulatedWindowsInitiator _host;

        public WindowsHost(string scenario) => _host = SimulatedWindowsInitiator.FromScenario(scenario, Time);

        public override IscsiPlatform Platform => IscsiPlatform.Windows;

        public override IReadOnlyList<string> Sessions => [.. _host.Sessions.Select(s => $"{s.Portal} {s.Iqn}")];

        public override IReadOnlyList<string> Records => _host.TargetPortals;

        public override int ProcessStartCount => _host.ProcessStartCount;

        public override IReadOnlyList<string> HeldLocks => _host.HeldLocks;

        public override ICommandExecutor Executor => _host;

        public override IHostFileSystem FileSystem => _host;

        public override bool IsLogin(CommandSpec command) => command.StandardInput?.Contains("iscsi-connector script: connect", StringComparison.Ordinal) == true;

        public override void SetPortalState(string address, PortalState state) => _host.SetPortalState(address, state);
    }
}
