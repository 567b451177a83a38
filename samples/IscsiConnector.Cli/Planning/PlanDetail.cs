namespace IscsiConnector.Cli.Planning;

/// <summary>What a plan shows besides the steps of one run: the failover chain, or each multipath portal's sequence.</summary>
/// <param name="Chain">Failover: every path in the backend's order with what runs if it works or fails.</param>
/// <param name="PortalSequences">Multipath: the commands that name each portal, in the order they ran.</param>
internal sealed record PlanDetail(IReadOnlyList<FailoverChain.Link>? Chain, IReadOnlyList<(IscsiPath Path, IReadOnlyList<PlanStep> Steps)>? PortalSequences)
{
    public static async Task<PlanDetail> CreateAsync(Hosting.ToolSettings settings, ConnectionInfo info, IReadOnlyList<PlanStep> steps, CancellationToken cancellationToken)
    {
        if (!settings.Multipath)
        {
            return new PlanDetail(await FailoverChain.BuildAsync(settings, info, cancellationToken), null);
        }

        // Only steps that name a portal (-p) are shown per portal: scans and map waits are shared by all paths.
        var paths = info.MultipathPaths;
        var named = steps.Where(s => s.Portal is not null).ToList();
        var byPath = FailoverChain.ByPath(paths, named);
        return new PlanDetail(null, [.. paths.Select((p, i) => (p, byPath[i]))]);
    }
}
