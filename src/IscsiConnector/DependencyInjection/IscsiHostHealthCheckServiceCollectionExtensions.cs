using IscsiConnector;
using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Readiness;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the host check and its health check.</summary>
public static class IscsiHostHealthCheckServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IscsiHostCheck"/> (over the same options, executor, file system and clock as the connector) and
    /// <see cref="IscsiHostHealthCheck"/>. Add the health check to yours with
    /// <c>services.AddHealthChecks().AddCheck&lt;IscsiHostHealthCheck&gt;("iscsi-host")</c>.
    /// </summary>
    /// <param name="services">The service collection, after <c>AddIscsiConnector</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddIscsiHostHealthCheck(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => HostCheckComposition.Create(
            sp.GetRequiredService<IOptions<IscsiConnectorOptions>>().Value,
            sp.GetRequiredService<ICommandExecutor>(),
            sp.GetRequiredService<IHostFileSystem>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.TryAddSingleton<IscsiHostHealthCheck>();
        return services;
    }
}
