namespace IscsiConnector.Cli.Planning;

/// <summary>What a plan shows besides the steps of one run: what runs before any path, the failover chain, or each multipath portal's sequence.</summary>
/// <param name="BeforeAnyPath">The steps connect runs once before it tries any path (the host check), in no path's list.</param>
/// <param name="Chain">Failover: every path in the backend's order with what runs if it works or fails.</param>
/// <param name="PortalSequences">Multipath: the commands that name each portal, in the order they ran.</param>
internal sealed record PlanDetail(IReadOnlyList<PlanStep> BeforeAnyPath, IReadOnlyList<FailoverChain.Link>? Chain, IReadOnlyList<(IscsiPath Path, IReadOnlyList<PlanStep> Steps)>? PortalSequences)
{
    public static async Task<PlanDetail> CreateAsync(Hosting.ToolSettings settings, ConnectionInfo info, IReadOnlyList<PlanStep> steps, CancellationToken cancellationToken)
    {
        var paths = settings.Multipath ? info.MultipathPaths : info.FailoverOrder;
        var before = FailoverChain.BeforeAnyPath(paths, steps);
        if (!settings.Multipath)
        {
            return new PlanDetail(before, await FailoverChain.BuildAsync(settings, info, cancellationToken), null);
        }

        // Only steps that name a portal (-p) are shown per portal: scans and map waits are shared by all paths.
        var named = steps.Where(s => s.Portal is not null).ToList();
        var byPath = FailoverChain.ByPath(paths, named);
        return new PlanDetail(before, null, [.. paths.Select((p, i) => (p, byPath[i]))]);
    }
}
