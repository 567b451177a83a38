using IscsiConnector.Connector.Internal;
using IscsiConnector.Execution;
using IscsiConnector.Host;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IscsiConnector;

/// <summary>Creates an <see cref="IVolumeConnector"/> without dependency injection.</summary>
public static class IscsiConnectorFactory
{
    /// <summary>Creates a connector for this Linux host (open-iscsi), or over the seams given (tests, a simulated host).</summary>
    /// <param name="options">The settings; <see langword="null"/> for the defaults. Validated here. The connector keeps this instance: do not change it afterwards.</param>
    /// <param name="executor">Runs the commands; <see langword="null"/> for real processes.</param>
    /// <param name="fileSystem">Reads sysfs, <c>/dev</c> and <c>/etc/iscsi</c>; <see langword="null"/> for the real file system.</param>
    /// <param name="timeProvider">The clock for timeouts and backoff; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Where log events go; <see langword="null"/> for none.</param>
    /// <returns>A connector.</returns>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> breaks a rule; the message lists every problem.</exception>
    public static IVolumeConnector Create(
        IscsiConnectorOptions? options = null,
        ICommandExecutor? executor = null,
        IHostFileSystem? fileSystem = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        options ??= new IscsiConnectorOptions();
        Validate(options);
        return new VolumeConnector(
            options,
            executor ?? CreateProcessExecutor(options, loggerFactory),
            fileSystem ?? new PhysicalHostFileSystem(),
            timeProvider ?? TimeProvider.System,
            loggerFactory ?? NullLoggerFactory.Instance);
    }

    /// <summary>Creates the host check for this Linux host (or over the seams given), with the settings of <paramref name="options"/>:
    /// its iface, multipath and root helper.</summary>
    /// <param name="options">The settings; <see langword="null"/> for the defaults. Validated here.</param>
    /// <param name="executor">Runs <c>iscsiadm --version</c> (and <c>cat</c> through a root helper); <see langword="null"/> for real processes.</param>
    /// <param name="fileSystem">Reads <c>/proc</c>, <c>/etc/iscsi</c> and sysfs; <see langword="null"/> for the real file system.</param>
    /// <param name="timeProvider">Times the check; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Where log events go; <see langword="null"/> for none.</param>
    /// <returns>A host check; <see cref="HostCheck.IscsiHostCheck.CheckAsync"/> runs it.</returns>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> breaks a rule; the message lists every problem.</exception>
    public static HostCheck.IscsiHostCheck CreateHostCheck(
        IscsiConnectorOptions? options = null,
        ICommandExecutor? executor = null,
        IHostFileSystem? fileSystem = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        options ??= new IscsiConnectorOptions();
        Validate(options);
        return DependencyInjection.HostCheckComposition.Create(
            options,
            executor ?? CreateProcessExecutor(options, loggerFactory),
            fileSystem ?? new PhysicalHostFileSystem(),
            timeProvider ?? TimeProvider.System,
            loggerFactory ?? NullLoggerFactory.Instance);
    }

    internal static void Validate(IscsiConnectorOptions options)
    {
        var failures = new List<string>();
        foreach (var validator in new IValidateOptions<IscsiConnectorOptions>[] { new IscsiConnectorOptionsValidator(), new IscsiConnectorOptionsRules() })
        {
            var result = validator.Validate(Options.DefaultName, options);
            if (result.Failed)
            {
                failures.AddRange(result.Failures ?? []);
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(IscsiConnectorOptions), failures);
        }
    }

    /// <summary>Creates the real-process executor, carrying the root helper and command timeout of <paramref name="options"/>.</summary>
    internal static ProcessCommandExecutor CreateProcessExecutor(IscsiConnectorOptions options, ILoggerFactory? loggerFactory)
    {
        var executorOptions = new ProcessCommandExecutorOptions { DefaultTimeout = options.CommandTimeout };
        foreach (var part in (options.RootHelper ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            executorOptions.RootHelper.Add(part);
        }

        return new ProcessCommandExecutor(executorOptions, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ProcessCommandExecutor>());
    }
}
