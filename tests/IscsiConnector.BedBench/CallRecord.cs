using System.Diagnostics;

namespace IscsiConnector.BedBench;

/// <summary>What one connector call did: every command, every sysfs access and every log event, with times relative to the call's start.</summary>
internal sealed class CallRecord
{
    private static readonly AsyncLocal<CallRecord?> CurrentRecord = new();

    private readonly long startTimestamp = Stopwatch.GetTimestamp();
    private readonly Lock gate = new();
    private readonly List<Step> steps = [];
    private long sysfsTicks;
    private int sysfsCalls;

    /// <summary>Gets or sets the record of the call running on this async flow, if any.</summary>
    public static CallRecord? Current
    {
        get => CurrentRecord.Value;
        set => CurrentRecord.Value = value;
    }

    public double SysfsMs => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref sysfsTicks)).TotalMilliseconds;

    public int SysfsCalls => Volatile.Read(ref sysfsCalls);

    public double NowMs => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    public IReadOnlyList<Step> Steps
    {
        get
        {
            lock (gate)
            {
                return [.. steps.OrderBy(s => s.StartMs)];
            }
        }
    }

    public void Add(Step step)
    {
        lock (gate)
        {
            steps.Add(step);
        }
    }

    public void AddSysfs(string operation, string path, double startMs, long ticks)
    {
        Interlocked.Add(ref sysfsTicks, ticks);
        Interlocked.Increment(ref sysfsCalls);
        Add(new Step(operation == "lock" ? "lock" : "sysfs", $"{operation} {path}", startMs, Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds, null));
    }
}

/// <summary>One thing a call did: a command ("cmd"), a file-system access ("sysfs") or a log event ("event", no duration).</summary>
internal sealed record Step(string Kind, string Text, double StartMs, double DurationMs, int? ExitCode);
