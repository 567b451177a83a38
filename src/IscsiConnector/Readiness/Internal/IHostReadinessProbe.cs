namespace IscsiConnector.Readiness.Internal;

/// <summary>
/// The platform's half of the host check: looks at one host and reports one item per requirement. The
/// platform-neutral half (<see cref="IscsiHostCheck"/>) decides when to run it, caches, times and throws.
/// </summary>
internal interface IHostReadinessProbe
{
    /// <summary>Checks every <see cref="HostRequirement"/> for the given settings; never throws for a missing piece (that is an item).</summary>
    Task<IReadOnlyList<HostCheckItem>> ProbeAsync(HostCheckSettings settings, CancellationToken cancellationToken);
}
