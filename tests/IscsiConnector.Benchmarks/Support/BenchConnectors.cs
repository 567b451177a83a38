using IscsiConnector.Host;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Benchmarks.Support;

/// <summary>Connectors over a simulated host, with lock files in this run's own directory (never the system's).</summary>
public static class BenchConnectors
{
    public static string LockDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "iscsi-connector-bench", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static IVolumeConnector Create(SimulatedIscsiHost host, Action<IscsiConnectorOptions>? configure = null, IHostFileSystem? fileSystem = null)
    {
        var options = new IscsiConnectorOptions { LockDirectory = LockDirectory };
        configure?.Invoke(options);
        return IscsiConnectorFactory.Create(options, host, fileSystem ?? host, host.TimeProvider);
    }

    public static void DeleteLockDirectory()
    {
        if (Directory.Exists(LockDirectory))
        {
            Directory.Delete(LockDirectory, recursive: true);
        }
    }
}
