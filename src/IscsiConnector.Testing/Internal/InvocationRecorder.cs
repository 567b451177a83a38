using IscsiConnector.Execution;

namespace IscsiConnector.Testing.Internal;

/// <summary>Thread-safe, ordered log of executed commands shared by the fake executor and the simulated host.</summary>
internal sealed class InvocationRecorder(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly List<RecordedCommand> _calls = [];

    public TimeProvider TimeProvider { get; } = timeProvider;

    public RecordedCommand Record(CommandSpec command)
    {
        lock (_gate)
        {
            // Sequence and timestamp are taken under the lock so that order and time agree.
            var call = new RecordedCommand(_calls.Count + 1, command, TimeProvider.GetUtcNow());
            _calls.Add(call);
            return call;
        }
    }

    public IReadOnlyList<RecordedCommand> Snapshot()
    {
        lock (_gate)
        {
            return [.. _calls];
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _calls.Count;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    public string Render() => string.Join('\n', Snapshot().Select(c => c.Display));
}
