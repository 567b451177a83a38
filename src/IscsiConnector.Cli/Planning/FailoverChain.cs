using IscsiConnector.Cli.Hosting;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Cli.Planning;

/// <summary>
/// The whole failover chain of a <c>plan</c>: for each path in the backend's order, what runs on it, what runs after a
/// successful login (the attach ends there), and what is undone when it fails before the next path is tried. Each
/// answer comes from the real connect flow on a modelled host where the paths before it refuse logins, and one
/// where every path does: nothing is written by hand, so the chain stays what the connector does.
/// </summary>
internal static class FailoverChain
{
    /// <summary>One path of the chain.</summary>
    /// <param name="Path">The portal, target and LUN.</param>
    /// <param name="Attempt">The steps up to and including the login.</param>
    /// <param name="IfLoggedIn">The steps after a successful login, when the attach ends on this path.</param>
    /// <param name="IfFailed">The steps after a failed login: what is undone before the next path (or the end).</param>
    public sealed record Link(IscsiPath Path, IReadOnlyList<PlanStep> Attempt, IReadOnlyList<PlanStep> IfLoggedIn, IReadOnlyList<PlanStep> IfFailed);

    public static async Task<IReadOnlyList<Link>> BuildAsync(ToolSettings settings, ConnectionInfo info, CancellationToken cancellationToken)
    {
        var order = info.FailoverOrder;
        var quiet = settings with { Verbose = false };

        // Run k: the paths before k refuse, path k answers; run order.Count: every path refuses.
        var runs = new List<IReadOnlyList<PlanStep>[]>();
        for (var k = 0; k <= order.Count; k++)
        {
            var host = PlanHostBuilder.FromConnectionInfo(info);
            foreach (var failing in order.Take(k))
            {
                host.SetPortalState(failing.Portal.Address, PortalState.Refusing);
            }

            var recorder = new StepRecorder();
            using var session = ConnectorSession.OpenRecording(quiet, host, recorder);
            try
            {
                await session.Connector.ConnectVolumeAsync(info, cancellationToken);
            }
            catch (VolumeAttachException)
            {
                // Expected from the runs with refusing paths; the steps are what matters.
            }

            runs.Add(ByPath(order, recorder.Snapshot()));
        }

        return [.. order.Select((path, i) =>
        {
            var (attempt, loggedIn) = SplitAtLogin(runs[i][i]);
            var (_, failed) = SplitAtLogin(runs[order.Count][i]);
            return new Link(path, attempt, loggedIn, failed);
        })];
    }

    /// <summary>
    /// Gives each step to the path it works on: an iscsiadm step names it (-p, -T); a sysfs write belongs to the path being
    /// tried (failover tries one at a time). Steps before the first that names a path belong to none (see <see cref="BeforeAnyPath"/>).
    /// </summary>
    public static IReadOnlyList<PlanStep>[] ByPath(IReadOnlyList<IscsiPath> order, IReadOnlyList<PlanStep> steps)
    {
        var byPath = order.Select(_ => new List<PlanStep>()).ToArray();
        var current = -1;
        foreach (var step in steps)
        {
            var index = IndexOf(order, step);
            current = index >= 0 ? index : current;
            if (current >= 0)
            {
                byPath[current].Add(step);
            }
        }

        return byPath;
    }

    /// <summary>The steps connect runs once before it tries any path (the host check's <c>iscsiadm --version</c>): those before the first that names a path.</summary>
    public static IReadOnlyList<PlanStep> BeforeAnyPath(IReadOnlyList<IscsiPath> order, IReadOnlyList<PlanStep> steps) =>
        [.. steps.TakeWhile(s => IndexOf(order, s) < 0)];

    private static int IndexOf(IReadOnlyList<IscsiPath> order, PlanStep step)
    {
        if (step.Portal is not { } portal)
        {
            return -1;
        }

        var target = step.Option("-T");
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i].Portal.Address, portal, StringComparison.OrdinalIgnoreCase)
                && (target is null || IscsiPath.TargetNameComparer.Equals(order[i].Iqn, target)))
            {
                return i;
            }
        }

        return -1;
    }

    private static (IReadOnlyList<PlanStep> UpToLogin, IReadOnlyList<PlanStep> After) SplitAtLogin(IReadOnlyList<PlanStep> steps)
    {
        var login = steps.ToList().FindIndex(s => s.Argv.Contains("--login"));
        return login < 0 ? (steps, []) : ([.. steps.Take(login + 1)], [.. steps.Skip(login + 1)]);
    }
}
