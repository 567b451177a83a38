using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Readiness;
using IscsiConnector.Readiness.Internal;
using IscsiConnector.Linux;
using IscsiConnector.Linux.Internal;
using IscsiConnector;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Maps the public options onto the host check's settings and the Linux probe: shared by the factory and DI.</summary>
internal static class HostCheckComposition
{
    public static IscsiHostCheck Create(IscsiConnectorOptions options, ICommandExecutor executor, IHostFileSystem fileSystem, TimeProvider time, ILoggerFactory loggerFactory) =>
        Create(options, executor, fileSystem, new PrivilegedFiles(executor, fileSystem, throughCommands: options.RootHelper.Count > 0), time, loggerFactory);

    public static IscsiHostCheck Create(IscsiConnectorOptions options, ICommandExecutor executor, IHostFileSystem fileSystem, PrivilegedFiles files, TimeProvider time, ILoggerFactory loggerFactory)
    {
        IReadOnlyList<string> rootHelper = [.. options.RootHelper];
        var settings = new HostCheckSettings(
            options.Transport,
            options.UseMultipath,
            options.TransportFallback == IscsiConnector.Transports.TransportFallback.FallBackToTcp,
            rootHelper,
            HostCheckSettings.DefaultCacheDuration,
            HostCheckSettings.SearchPathOf(Environment.GetEnvironmentVariable("PATH")));
        return new IscsiHostCheck(new OpenIscsiHostProbe(executor, fileSystem, files), settings, time, loggerFactory.CreateLogger("IscsiConnector.Readiness"));
    }
}
