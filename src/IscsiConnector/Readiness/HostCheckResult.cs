namespace IscsiConnector.Readiness;

/// <summary>Everything <see cref="IscsiHostCheck"/> found, one item per requirement in a fixed order.</summary>
/// <param name="Items">One finding per <see cref="HostRequirement"/>.</param>
/// <param name="Duration">How long the check took.</param>
public sealed record HostCheckResult(IReadOnlyList<HostCheckItem> Items, TimeSpan Duration)
{
    /// <summary>Gets a value indicating whether every requirement that was checked is met.</summary>
    public bool IsReady => Items.All(i => i.Status != HostCheckStatus.Problem);

    /// <summary>Gets the requirements that are not met, each with what is missing and how to fix it.</summary>
    public IReadOnlyList<HostCheckItem> Problems => Items.Where(i => i.Status == HostCheckStatus.Problem).ToList();
}
