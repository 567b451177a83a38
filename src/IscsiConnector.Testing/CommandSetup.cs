using IscsiConnector.Execution;

namespace IscsiConnector.Testing;

/// <summary>
/// A scripted answer of a <see cref="FakeCommandExecutor"/> for the commands that match it. Each call to
/// <c>Returns</c> or <c>Throws</c> appends one step; successive matching calls take successive steps and the
/// last step repeats once the script runs out.
/// </summary>
/// <example><code>fake.Setup("iscsiadm", "-m", "session").Returns(21, stderr: "iscsiadm: No active sessions.");</code></example>
public sealed class CommandSetup
{
    private readonly Lock _gate = new();
    private readonly List<Func<CommandSpec, CommandResult>> _steps = [];
    private readonly Func<CommandSpec, bool> _predicate;
    private Action<CommandSpec>? _callback;
    private TimeSpan _delay;
    private int _callCount;

    internal CommandSetup(string description, Func<CommandSpec, bool> predicate)
    {
        Description = description;
        _predicate = predicate;
    }

    /// <summary>Gets a readable description of what this setup matches, e.g. <c>iscsiadm -m session …</c>.</summary>
    public string Description { get; }

    /// <summary>Gets how many calls this setup has answered.</summary>
    public int CallCount
    {
        get
        {
            lock (_gate)
            {
                return _callCount;
            }
        }
    }

    /// <summary>Appends a step that answers with the given exit code and output.</summary>
    /// <param name="exitCode">The exit code to report.</param>
    /// <param name="stdout">The standard output text.</param>
    /// <param name="stderr">The standard error text.</param>
    /// <returns>This setup, to append further steps.</returns>
    public CommandSetup Returns(int exitCode, string stdout = "", string stderr = "") =>
        AddStep(_ => new CommandResult(exitCode, stdout, stderr, TimeSpan.Zero));

    /// <summary>Appends a step that answers with <paramref name="result"/> (its duration is replaced by the measured one).</summary>
    /// <param name="result">The result to report.</param>
    /// <returns>This setup, to append further steps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public CommandSetup Returns(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return AddStep(_ => result);
    }

    /// <summary>Appends a step computed from the command, for answers that depend on the arguments.</summary>
    /// <param name="answer">Builds the result from the command.</param>
    /// <returns>This setup, to append further steps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answer"/> is <see langword="null"/>.</exception>
    public CommandSetup Returns(Func<CommandSpec, CommandResult> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return AddStep(answer);
    }

    /// <summary>Appends a step that throws <paramref name="exception"/> instead of answering (e.g. a start failure).</summary>
    /// <param name="exception">The exception to throw.</param>
    /// <returns>This setup, to append further steps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is <see langword="null"/>.</exception>
    public CommandSetup Throws(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return AddStep(_ => throw exception);
    }

    /// <summary>Appends a step that throws an exception built from the command.</summary>
    /// <param name="exceptionFactory">Builds the exception to throw.</param>
    /// <returns>This setup, to append further steps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exceptionFactory"/> is <see langword="null"/>.</exception>
    public CommandSetup Throws(Func<CommandSpec, Exception> exceptionFactory)
    {
        ArgumentNullException.ThrowIfNull(exceptionFactory);
        return AddStep(command => throw exceptionFactory(command));
    }

    /// <summary>Runs <paramref name="callback"/> on every matching call, before the answer is produced.</summary>
    /// <param name="callback">The action; it sees the command as passed.</param>
    /// <returns>This setup.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public CommandSetup Callback(Action<CommandSpec> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            _callback += callback;
        }

        return this;
    }

    /// <summary>Makes every matching call take <paramref name="delay"/>, paid on the executor's <see cref="TimeProvider"/>.</summary>
    /// <param name="delay">The time each call takes.</param>
    /// <returns>This setup.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public CommandSetup Takes(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_gate)
        {
            _delay = delay;
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    internal bool Matches(CommandSpec command) => _predicate(command);

    internal (Func<CommandSpec, CommandResult> Step, Action<CommandSpec>? Callback, TimeSpan Delay) Take()
    {
        lock (_gate)
        {
            var index = Math.Min(_callCount, _steps.Count - 1);
            _callCount++;
            Func<CommandSpec, CommandResult> step = index < 0
                ? _ => new CommandResult(0, string.Empty, string.Empty, TimeSpan.Zero)
                : _steps[index];
            return (step, _callback, _delay);
        }
    }

    private CommandSetup AddStep(Func<CommandSpec, CommandResult> step)
    {
        lock (_gate)
        {
            _steps.Add(step);
        }

        return this;
    }
}
