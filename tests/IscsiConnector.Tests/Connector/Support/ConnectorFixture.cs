using IscsiConnector.Connector.Internal;
using IscsiConnector.Execution;
using IscsiConnector.Telemetry;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Tests.Connector.Support;

/// <summary>
/// The public connector on the shipped <see cref="SimulatedIscsiHost"/> (commands, sysfs, udev, multipathd and locks in
/// memory), a <see cref="SimulatedTimeProvider"/> and a Trace-level capturing logger. The host starts empty: a test adds
/// its targets and portals (before or after the connector exists, as on a real host).
/// </summary>
internal sealed class ConnectorFixture : IDisposable
{
    public const string Iqn = "iqn.2010-10.org.openstack:volume-1";

    /// <summary>tgtd's WWID of the first target's LUN 1, as sysfs shows it.</summary>
    public const string Wwid = "naa.60000000000000000e00000000010001";

    /// <summary><see cref="Wwid"/> as udev and multipath spell it.</summary>
    public const string UdevWwn = "360000000000000000e00000000010001";

    private readonly ILoggerFactory _loggerFactory;

    /// <param name="configure">Changes the options before the connector is made.</param>
    /// <param name="probe">A portal probe to use instead of TCP (an internal seam: the connector is then built directly).</param>
    /// <param name="executor">Wraps the host's executor (to hold or observe commands).</param>
    /// <param name="host">Builds the host on the fixture's clock (e.g. from a scenario); the default value is an empty host.</param>
    public ConnectorFixture(Action<IscsiConnectorOptions>? configure = null, IPortalProbe? probe = null, Func<ICommandExecutor, ICommandExecutor>? executor = null, Func<SimulatedTimeProvider, SimulatedIscsiHost>? host = null)
    {
        Time = new SimulatedTimeProvider();
        Host = host?.Invoke(Time) ?? new SimulatedIscsiHost(Time);
        Logs = new ConnectorLogCapture();
        // The flow tests count and order commands exactly; the host check in front of an attach (its reads, a process with a root helper)
        // has tests of its own (HostCheck/AttachHostCheckTests), so here it is off unless a test turns it on.
        Options = new IscsiConnectorOptions { CheckHostBeforeAttach = false };
        configure?.Invoke(Options);
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Connector = probe is not null
            ? IscsiConnectorFactory.Build(Options, Host, Host, Time, _loggerFactory, ConnectorMetrics.For(null), probe)
            : executor is not null
                ? IscsiConnectorFactory.Create(Options, executor(Host), Host, Time, _loggerFactory)
                : Host.CreateConnector(Options, _loggerFactory);
    }

    public SimulatedTimeProvider Time { get; }

    public SimulatedIscsiHost Host { get; }

    public ConnectorLogCapture Logs { get; }

    public IscsiConnectorOptions Options { get; }

    public IVolumeConnector Connector { get; }

    /// <summary>The commands run so far, in order.</summary>
    public List<CommandSpec> Commands => Host.Invocations.Select(i => i.Command).ToList();

    /// <summary>The block devices now present (sda, sdb…).</summary>
    public List<string> Disks => Host.Devices.Where(d => d.DiskName is not null).Select(d => d.DiskName!).ToList();

    public static IscsiPath PathOf(string host, int lun = 1, string iqn = Iqn, int port = 3260) => new(new IscsiPortal(host, port), iqn, lun);

    public static SimulatedLun Lun(int lun, string? wwid = null, long size = 1L << 30) => new(lun, size, wwid);

    /// <summary>A connection_info document; "IQN" in <paramref name="data"/> stands for <see cref="Iqn"/>.</summary>
    public static ConnectionInfo Info(string data) =>
        ConnectionInfo.Parse($$"""{"driver_volume_type":"iscsi","data":{{data.Replace("IQN", Iqn, StringComparison.Ordinal)}}}""");

    public int CountOf(string program) => Commands.Count(c => c.FileName == program);

    public int Count(string program, string argument) => Commands.Count(c => c.FileName == program && c.ArgumentValues.Contains(argument));

    /// <summary>The iscsiadm commands run so far, e.g. "127.0.0.1:3260 -o new", "127.0.0.1:3260 --login".</summary>
    public List<string> IscsiAdmOperations() => Commands
        .Where(c => c.FileName == "iscsiadm")
        .Select(c =>
        {
            var args = c.ArgumentValues.ToList();
            var portal = args.Contains("-p") ? args[args.IndexOf("-p") + 1] : "-";
            var op = args.Contains("--login") ? "--login" : args.Contains("--logout") ? "--logout" : args.Contains("--discover") ? "--discover" : args.Contains("-o") ? "-o " + args[args.IndexOf("-o") + 1] : string.Join(' ', args);
            return $"{portal} {op}";
        })
        .ToList();

    /// <summary>Runs iscsiadm on the host directly, as an administrator would; the command is not kept in <see cref="Commands"/>.</summary>
    public async Task<CommandResult> AdminAsync(params string[] arguments)
    {
        var result = await Host.ExecuteAsync(new CommandSpec("iscsiadm", arguments));
        result.ExitCode.Should().Be(0, result.StandardError);
        Host.ClearInvocations();
        return result;
    }

    /// <summary>Logs in as another volume (or an administrator) had: a record with manual scan, a session, and only <paramref name="scanLuns"/> scanned.</summary>
    public async Task<SimulatedSession> LoginDirectlyAsync(string portal, string iqn = Iqn, params int[] scanLuns)
    {
        string[] node = ["-m", "node", "-T", iqn, "-p", portal];
        await AdminAsync([.. node, "-o", "new"]);
        await AdminAsync([.. node, "-o", "update", "-n", "node.session.scan", "-v", "manual"]);
        await AdminAsync([.. node, "--login"]);
        var session = Host.Sessions.Single(s => s.TargetIqn == iqn && s.Portal == portal);
        foreach (var lun in scanLuns)
        {
            Host.WriteAllText($"/sys/class/scsi_host/host{session.HostNumber}/scan", $"0 0 {lun}");
        }

        return session;
    }

    public void Dispose()
    {
        _loggerFactory.Dispose();
        Host.HeldLocks.Should().BeEmpty("every lock a connector took is released when its operation ends");
    }
}
