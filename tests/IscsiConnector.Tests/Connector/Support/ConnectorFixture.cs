using IscsiConnector.Connector.Internal;
using IscsiConnector.Tests.Support;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Tests.Connector.Support;

/// <summary>A MiniHost, a fake clock, captured logs and a connector wired to them. Lock files go to a temp directory.</summary>
internal sealed class ConnectorFixture : IDisposable
{
    public const string Iqn = "iqn.2024-01.test.vmspike:disk1";
    public const string Wwid = "naa.60000000000000000e00000000010001";
    public const string UdevWwn = "360000000000000000e00000000010001";

    private readonly ILoggerFactory _loggerFactory;

    public ConnectorFixture(Action<IscsiConnectorOptions>? configure = null, IPortalProbe? probe = null)
    {
        Time = new ManualTimeProvider();
        Host = new MiniHost(Time);
        Logs = new ConnectorLogCapture();
        LockDirectory = Path.Combine(Path.GetTempPath(), "iscsi-connector-tests", Guid.NewGuid().ToString("N"));
        Options = new IscsiConnectorOptions { LockDirectory = LockDirectory };
        configure?.Invoke(Options);
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Connector = probe is null
            ? IscsiConnectorFactory.Create(Options, Host, Host, Time, _loggerFactory)
            : IscsiConnectorFactory.Build(Options, Host, Host, Time, _loggerFactory, probe);
    }

    public ManualTimeProvider Time { get; }

    public MiniHost Host { get; }

    public ConnectorLogCapture Logs { get; }

    public string LockDirectory { get; }

    public IscsiConnectorOptions Options { get; }

    public IVolumeConnector Connector { get; }

    public static IscsiPath PathOf(string host, int lun = 1, string iqn = Iqn, int port = 3260) => new(new IscsiPortal(host, port), iqn, lun);

    /// <summary>The iscsiadm operations run, e.g. "127.0.0.1:3260 -o new", "127.0.0.1:3260 --login".</summary>
    public List<string> IscsiAdmOperations() => Host.Commands
        .Where(c => c.FileName == "iscsiadm")
        .Select(c =>
        {
            var args = c.ArgumentValues.ToList();
            var portal = args[args.IndexOf("-p") + 1];
            var op = args.Contains("--login") ? "--login" : args.Contains("--logout") ? "--logout" : args.Contains("--discover") ? "--discover" : "-o " + args[args.IndexOf("-o") + 1];
            return $"{portal} {op}";
        })
        .ToList();

    public void Dispose()
    {
        _loggerFactory.Dispose();
        if (Directory.Exists(LockDirectory))
        {
            Directory.Delete(LockDirectory, recursive: true);
        }
    }
}
