using IscsiConnector.Connector.Internal;
using IscsiConnector.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IscsiConnector;

/// <content>What the entry points do with the options before wiring: validate them, and make the real-process executor.</content>
public static partial class IscsiConnectorFactory
{
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
        var executorOptions = new ProcessCommandExecutorOptions { DefaultTimeout = options.CommandTimeout, RootHelper = [.. options.RootHelper] };

        return new ProcessCommandExecutor(executorOptions, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ProcessCommandExecutor>());
    }
}
