using System.Diagnostics.Metrics;
using IscsiConnector;
using IscsiConnector.Connector.Internal;
using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the iSCSI volume connector.</summary>
public static class IscsiConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IVolumeConnector"/> and its defaults. Registrations made before this call win
    /// (<c>TryAdd</c>): your own <see cref="ICommandExecutor"/>, <see cref="IHostFileSystem"/> or <see cref="TimeProvider"/>.
    /// Options are validated when the host starts. The connector's meter comes from the container's
    /// <see cref="IMeterFactory"/> when there is one (every generic host has one; <c>services.AddMetrics()</c> adds it).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the default <see cref="IscsiConnectorOptions"/>, or <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddIscsiConnector(this IServiceCollection services, Action<IscsiConnectorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptionsWithValidateOnStart<IscsiConnectorOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IscsiConnectorOptions>, IscsiConnectorOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IscsiConnectorOptions>, IscsiConnectorOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHostFileSystem, PhysicalHostFileSystem>();

        services.TryAddSingleton<ICommandExecutor>(sp => IscsiConnectorFactory.CreateProcessExecutor(
            sp.GetRequiredService<IOptions<IscsiConnectorOptions>>().Value,
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<IVolumeConnector>(sp => IscsiConnectorFactory.Build(
            sp.GetRequiredService<IOptions<IscsiConnectorOptions>>().Value,
            sp.GetRequiredService<ICommandExecutor>(),
            sp.GetRequiredService<IHostFileSystem>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            ConnectorMetrics.For(sp.GetService<IMeterFactory>())));
        return services;
    }
}
