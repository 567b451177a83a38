using IscsiConnector.Execution;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using Microsoft.Extensions.Logging;

namespace IscsiConnector.Tests.Integration.Support;

/// <summary>
/// The public connector (<see cref="IscsiConnectorFactory.Create"/>) wired to a <see cref="SimulatedIscsiHost"/> as both
/// executor and file system, a <see cref="SimulatedTimeProvider"/>, and a Trace-level capturing logger. Lock files go
/// to a temporary directory.
/// </summary>
internal sealed class SimRig : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    public SimRig(SimulatedIscsiHost host, SimulatedTimeProvider time, Action<IscsiConnectorOptions>? configure = null, ICommandExecutor? executor = null)
    {
        Host = host;
        Time = time;
        Logs = new ConnectorLogCapture();
        LockDirectory = Path.Combine(Path.GetTempPath(), "iscsi-connector-integration", Guid.NewGuid().ToString("N"));
        Options = new IscsiConnectorOptions { LockDirectory = LockDirectory };
        configure?.Invoke(Options);
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Connector = IscsiConnectorFactory.Create(Options, executor: executor ?? host, fileSystem: host, timeProvider: time, loggerFactory: _loggerFactory);
    }

    public SimulatedIscsiHost Host { get; }

    public SimulatedTimeProvider Time { get; }

    public ConnectorLogCapture Logs { get; }

    public IscsiConnectorOptions Options { get; }

    public IVolumeConnector Connector { get; }

    public string LockDirectory { get; }

    /// <summary>A rig whose host is built by <paramref name="build"/> on a fresh simulated clock.</summary>
    public static SimRig Create(Func<SimulatedTimeProvider, SimulatedIscsiHost> build, Action<IscsiConnectorOptions>? configure = null)
    {
        var time = new SimulatedTimeProvider();
        return new SimRig(build(time), time, configure);
    }

    /// <summary>The iscsiadm commands run so far, e.g. "127.0.0.1:3260 -o new", "127.0.0.1:3260 --login".</summary>
    public List<string> IscsiAdmOperations() => Host.Invocations
        .Where(c => c.Command.FileName == "iscsiadm")
        .Select(c =>
        {
            var args = c.Command.ArgumentValues.ToList();
            var portal = args.Contains("-p") ? args[args.IndexOf("-p") + 1] : "-";
            var op = args.Contains("--login") ? "--login" : args.Contains("--logout") ? "--logout" : args.Contains("--discover") ? "--discover" : args.Contains("-o") ? "-o " + args[args.IndexOf("-o") + 1] : string.Join(' ', args);
            return $"{portal} {op}";
        })
        .ToList();

    public int Count(string program, string argument) =>
        Host.Invocations.Count(c => c.Command.FileName == program && c.Command.ArgumentValues.Contains(argument));

    public void Dispose()
    {
        _loggerFactory.Dispose();
        if (Directory.Exists(LockDirectory))
        {
            Directory.Delete(LockDirectory, recursive: true);
        }
    }
}
