using IscsiConnector.Execution;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Tests.Transports.Support;

/// <summary>
/// A connector over the shipped <see cref="SimulatedIscsiHost"/> with offload hardware: NIC eth2 (cxgb4) with
/// <see cref="Mac"/> and the cxgb4i iSCSI host9 carrying the same address (which loads the cxgb4i transport), and the
/// user's iface <see cref="Cxgb4"/> bound to it. Portals 127.0.0.1 and .2 work; 127.0.0.1:3261 refuses.
/// </summary>
internal sealed class TransportFixture : IDisposable
{
    public const string Iqn = "iqn.2024-01.test.vmspike:disk1";
    public const string Mac = "00:07:43:aa:bb:cc";
    public const string Cxgb4 = "cxgb4i." + Mac;

    private readonly ILoggerFactory _loggerFactory;

    public TransportFixture(Action<IscsiConnectorOptions> configure, bool withHardware = true, bool withIface = true)
    {
        Host = new SimulatedIscsiHost(new SimulatedTimeProvider())
            .AddTarget(Iqn, new SimulatedLun(1, 64L << 20))
            .AddPortal("127.0.0.1:3260")
            .AddPortal("127.0.0.2:3260")
            .AddPortal("127.0.0.1:3261", PortalState.Refusing);
        if (withIface)
        {
            Host.WithIface(Cxgb4, "cxgb4i", Mac);
        }

        if (withHardware)
        {
            Host.AddNetworkInterface("eth2", Mac, "cxgb4").AddOffloadHost(9, Mac, "cxgb4i");
        }

        Options = new IscsiConnectorOptions { Transport = Cxgb4, DevicePollInterval = TimeSpan.FromMilliseconds(10) };
        configure(Options);
        Logs = new ConnectorLogCapture();
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Connector = Host.CreateConnector(Options, _loggerFactory);
    }

    public SimulatedIscsiHost Host { get; }

    public IscsiConnectorOptions Options { get; }

    public IVolumeConnector Connector { get; }

    public ConnectorLogCapture Logs { get; }

    /// <summary>The <c>iscsiadm -m iface</c> commands run so far.</summary>
    public List<CommandSpec> IfaceCommands => IfaceCommandsOf(Host);

    public static IscsiPath PathOf(string host, int port = 3260) => new(new IscsiPortal(host, port), Iqn, 1);

    public static List<CommandSpec> IfaceCommandsOf(SimulatedIscsiHost host) =>
        host.Invocations.Select(i => i.Command).Where(c => c.ArgumentValues.Take(2).SequenceEqual(["-m", "iface"])).ToList();

    /// <summary>The iscsiadm commands that take <c>-I</c> (node and discovery modes), as "verb iface".</summary>
    public List<(string Operation, string? Iface)> IfaceUses() => Host.Invocations.Select(i => i.Command)
        .Where(c => c.FileName == "iscsiadm" && c.ArgumentValues.ElementAtOrDefault(1) is "node" or "discoverydb" or "discovery")
        .Select(c => (Operation(c), IfaceOf(c)))
        .ToList();

    public void Dispose()
    {
        _loggerFactory.Dispose();
        Host.HeldLocks.Should().BeEmpty();
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
