using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Linux;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IscsiConnector;

/// <summary>The host check's entry point without dependency injection.</summary>
public static partial class IscsiConnectorFactory
{
    /// <summary>Creates the host check for this Linux host (or over the seams given), with the settings of <paramref name="options"/>:
    /// its iface, multipath and root helper.</summary>
    /// <param name="options">The settings; <see langword="null"/> for the defaults. Validated here.</param>
    /// <param name="executor">Runs <c>iscsiadm --version</c> (and <c>cat</c> through a root helper); <see langword="null"/> for real processes.</param>
    /// <param name="fileSystem">Reads <c>/proc</c>, <c>/etc/iscsi</c> and sysfs; <see langword="null"/> for the real file system.</param>
    /// <param name="timeProvider">Times the check; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Where log events go; <see langword="null"/> for none.</param>
    /// <returns>A host check; <see cref="Readiness.IscsiHostCheck.CheckAsync"/> runs it.</returns>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> breaks a rule; the message lists every problem.</exception>
    public static Readiness.IscsiHostCheck CreateHostCheck(
        IscsiConnectorOptions? options = null,
        ICommandExecutor? executor = null,
        IHostFileSystem? fileSystem = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        options ??= new IscsiConnectorOptions();
        Validate(options);
        return Microsoft.Extensions.DependencyInjection.HostCheckComposition.Create(
            options,
            executor ?? CreateProcessExecutor(options, loggerFactory),
            fileSystem ?? new PhysicalHostFileSystem(),
            timeProvider ?? TimeProvider.System,
            loggerFactory ?? NullLoggerFactory.Instance);
    }
}
