using IscsiConnector.Execution;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Tests.Transports.Support;

/// <summary>
/// A connector over h5's <see cref="SimulatedIscsiHost"/> (iscsiadm, sysfs, udev) with <see cref="IfaceDb"/> in front
/// for <c>-m iface</c>, and offload hardware laid over its sysfs: NIC eth2 (cxgb4) with <see cref="Mac"/> and the
/// cxgb4i iSCSI host9 carrying the same address. Portals 127.0.0.1 and .2 work; 127.0.0.1:3261 refuses.
/// </summary>
internal sealed class TransportFixture : IDisposable
{
    public const string Iqn = "iqn.2024-01.test.vmspike:disk1";
    public const string Mac = "00:07:43:aa:bb:cc";
    public const string Cxgb4 = "cxgb4i." + Mac;

    private readonly ILoggerFactory _loggerFactory;
    private readonly string _locks = Path.Combine(Path.GetTempPath(), "iscsi-transport-tests", Guid.NewGuid().ToString("N"));

    public TransportFixture(Action<IscsiConnectorOptions> configure, bool withHardware = true, bool withIface = true)
    {
        Host = new SimulatedIscsiHost(new SimulatedTimeProvider())
            .AddTarget(Iqn, new SimulatedLun(1, 64L << 20))
            .AddPortal("127.0.0.1:3260")
            .AddPortal("127.0.0.2:3260")
            .AddPortal("127.0.0.1:3261", PortalState.Refusing);
        Db = new IfaceDb(Host);
        if (withIface)
        {
            Db.With(Cxgb4, "cxgb4i", Mac);
        }

        Sysfs = new FakeSysfs().AddTransport("tcp").AddTransport("iser");
        if (withHardware)
        {
            Sysfs.AddNic("eth2", Mac, "cxgb4").AddIscsiHost(9, Mac, "cxgb4i").AddTransport("cxgb4i");
        }

        Options = new IscsiConnectorOptions { Transport = Cxgb4, LockDirectory = _locks, DevicePollInterval = TimeSpan.FromMilliseconds(10) };
        configure(Options);
        Logs = new ConnectorLogCapture();
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Connector = IscsiConnectorFactory.Create(Options, Db, new OverlayFileSystem(Host, Sysfs), Host.TimeProvider, _loggerFactory);
        Db.ClearCommands();
    }

    public SimulatedIscsiHost Host { get; }

    public IfaceDb Db { get; }

    public FakeSysfs Sysfs { get; }

    public IscsiConnectorOptions Options { get; }

    public IVolumeConnector Connector { get; }

    public ConnectorLogCapture Logs { get; }

    public static IscsiPath PathOf(string host, int port = 3260) => new(new IscsiPortal(host, port), Iqn, 1);

    /// <summary>The iscsiadm commands that take <c>-I</c> (node and discovery modes), as "verb iface".</summary>
    public List<(string Operation, string? Iface)> IfaceUses() => Db.Commands
        .Where(c => c.FileName == "iscsiadm" && c.ArgumentValues.ElementAtOrDefault(1) is "node" or "discoverydb" or "discovery")
        .Select(c => (Operation(c), IfaceOf(c)))
        .ToList();

    public void Dispose()
    {
        _loggerFactory.Dispose();
        if (Directory.Exists(_locks))
        {
            Directory.Delete(_locks, recursive: true);
        }
    }

    private static string? IfaceOf(CommandSpec c)
    {
        var args = c.ArgumentValues.ToList();
        var i = args.IndexOf("-I");
        return i >= 0 ? args[i + 1] : null;
    }

    private static string Operation(CommandSpec c)
    {
        var args = c.ArgumentValues.ToList();
        var mode = args[1];
        var verb = args.Contains("--login") ? "--login" : args.Contains("--logout") ? "--logout" : args.Contains("--discover") ? "--discover" : args.Contains("-o") ? "-o " + args[args.IndexOf("-o") + 1] : "?";
        return $"{mode} {verb}";
    }
}
