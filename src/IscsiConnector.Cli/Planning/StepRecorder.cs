namespace IscsiConnector.Cli.Planning;

/// <summary>Collects steps in the order they happen; thread-safe because multipath logins run in parallel.</summary>
internal sealed class StepRecorder
{
    private readonly Lock _gate = new();
    private readonly List<PlanStep> _steps = [];

    public void Add(PlanStep step)
    {
        lock (_gate)
        {
            _steps.Add(step);
        }
    }

    public IReadOnlyList<PlanStep> Snapshot()
    {
        lock (_gate)
        {
            return [.. _steps];
        }
    }
}
