using IscsiConnector.Transports.Internal;
using Microsoft.Extensions.Options;

namespace IscsiConnector.Connector.Internal;

/// <summary>The cross-field and value-shape rules of <see cref="IscsiConnectorOptions"/> that data annotations cannot express.</summary>
internal sealed class IscsiConnectorOptionsRules : IValidateOptions<IscsiConnectorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, IscsiConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckRange(failures, nameof(options.LoginTimeout), options.LoginTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        CheckRange(failures, nameof(options.LoginRetryDelay), options.LoginRetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        CheckRange(failures, nameof(options.DeviceWaitTimeout), options.DeviceWaitTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        CheckRange(failures, nameof(options.DevicePollInterval), options.DevicePollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10));
        CheckRange(failures, nameof(options.MultipathWaitTimeout), options.MultipathWaitTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        CheckRange(failures, nameof(options.FlushRetryDelay), options.FlushRetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        CheckRange(failures, nameof(options.DeviceRemovalTimeout), options.DeviceRemovalTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        CheckRange(failures, nameof(options.ProbeTimeout), options.ProbeTimeout, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30));
        CheckRange(failures, nameof(options.LockTimeout), options.LockTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        CheckRange(failures, nameof(options.CommandTimeout), options.CommandTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        if (options.RequireAllPaths && !options.UseMultipath)
        {
            failures.Add("RequireAllPaths needs UseMultipath: without multipath only one portal is ever logged into.");
        }

        if (options.EnforceMultipath && !options.UseMultipath)
        {
            failures.Add("EnforceMultipath needs UseMultipath.");
        }

        // Not ">=": probing is on by default, and the shortest login timeout (1 s) must stay valid with the default 1 s probe.
        if (options.ProbePortals && options.ProbeTimeout > options.LoginTimeout)
        {
            failures.Add($"ProbeTimeout ({options.ProbeTimeout}) must not be longer than LoginTimeout ({options.LoginTimeout}), or probing costs more than it saves.");
        }

        if (options.ReplacementTimeout is { } replacement && (replacement < TimeSpan.Zero || replacement > TimeSpan.FromHours(1)))
        {
            failures.Add($"ReplacementTimeout ({replacement}) must be between 0 and 1 hour.");
        }

        CheckWord(failures, nameof(options.Transport), options.Transport);
        TransportOptionsRules.Check(failures, options);
        if (options.RootHelper is null)
        {
            failures.Add("RootHelper must be a list (empty for none), not null.");
        }
        else if (Execution.RootHelperCommandLine.Problem(options.RootHelper) is { } problem)
        {
            failures.Add($"RootHelper: {problem}");
        }

        if (!string.IsNullOrEmpty(options.LockDirectory) && !Path.IsPathFullyQualified(options.LockDirectory))
        {
            failures.Add($"LockDirectory '{options.LockDirectory}' must be an absolute path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRange(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} ({value}) must be between {min} and {max}.");
        }
    }

    // Both values are passed to processes as separate arguments: a leading '-' would be read as an option.
    private static void CheckWord(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.StartsWith('-') || value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            failures.Add($"{key} '{value}' must not start with '-' nor contain whitespace or control characters.");
        }
    }
}
