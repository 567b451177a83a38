using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IscsiConnector.Readiness;

/// <summary>
/// Reports <see cref="IscsiHostCheck"/> as a <c>Microsoft.Extensions.Diagnostics.HealthChecks</c> check: healthy when
/// every requirement is met, the registration's failure status (unhealthy by default) with each problem and its fix otherwise.
/// </summary>
/// <remarks>
/// Register with <c>services.AddIscsiConnector().AddIscsiHostHealthCheck()</c>, then add it to your health checks:
/// <c>services.AddHealthChecks().AddCheck&lt;IscsiHostHealthCheck&gt;("iscsi-host")</c>. <see cref="HealthCheckResult.Data"/>
/// holds one entry per requirement (<c>IscsiAdm</c>, <c>Iscsid</c>…): its status and detail, and the fix for a problem.
/// </remarks>
public sealed class IscsiHostHealthCheck : IHealthCheck
{
    private readonly IscsiHostCheck _check;

    /// <summary>Initializes a new instance of the <see cref="IscsiHostHealthCheck"/> class.</summary>
    /// <param name="check">The host check to report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="check"/> is <see langword="null"/>.</exception>
    public IscsiHostHealthCheck(IscsiHostCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        _check = check;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await _check.CheckAsync(cancellationToken).ConfigureAwait(false);
        var data = result.Items.ToDictionary(
            i => i.Requirement.ToString(),
            i => (object)(i.Fix is null ? $"{i.Status}: {i.Detail}" : $"{i.Status}: {i.Detail}. Fix: {i.Fix}"));
        if (result.IsReady)
        {
            return HealthCheckResult.Healthy("This host has what an iSCSI attach needs.", data);
        }

        var description = string.Join(" ", result.Problems.Select(p => $"{p.Detail}. Fix: {p.Fix}"));
        return new HealthCheckResult(context.Registration?.FailureStatus ?? HealthStatus.Unhealthy, description, data: data);
    }
}
