using IscsiConnector.Execution;
using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing;

/// <summary>
/// A recording <see cref="ICommandExecutor"/> with scripted answers: it never starts a process. Every call is
/// recorded in order with a timestamp from the injected <see cref="TimeProvider"/>; the answer comes from the
/// most recently added matching <see cref="CommandSetup"/>, or <see cref="DefaultResult"/>.
/// </summary>
/// <remarks>Thread-safe: the connector logs in to several portals in parallel.</remarks>
public sealed class FakeCommandExecutor : ICommandExecutor
{
    private readonly Lock _gate = new();
    private readonly List<CommandSetup> _setups = [];
    private readonly InvocationRecorder _recorder;
    private CommandResult _defaultResult = new(0, string.Empty, string.Empty, TimeSpan.Zero);

    /// <summary>Initializes a new fake.</summary>
    /// <param name="timeProvider">The clock for timestamps and <see cref="CommandSetup.Takes"/> delays; the default value is <see cref="TimeProvider.System"/>.</param>
    public FakeCommandExecutor(TimeProvider? timeProvider = null)
    {
        _recorder = new InvocationRecorder(timeProvider ?? TimeProvider.System);
    }

    /// <summary>Gets or sets the answer to commands no setup matches.</summary>
    /// <value>The default value is exit code 0 with empty output.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public CommandResult DefaultResult
    {
        get
        {
            lock (_gate)
            {
                return _defaultResult;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _defaultResult = value;
            }
        }
    }

    /// <summary>Gets every call so far, in the order they started.</summary>
    public IReadOnlyList<RecordedCommand> Invocations => _recorder.Snapshot();

    /// <summary>Gets how many processes would have been started (one per call).</summary>
    public int ProcessStartCount => _recorder.Count;

    /// <summary>Scripts the answer to <paramref name="fileName"/> calls whose arguments start with <paramref name="argumentPrefix"/>.</summary>
    /// <param name="fileName">The program, compared with the command's file name and with its last path segment.</param>
    /// <param name="argumentPrefix">The first arguments to match (values, secrets included); none matches every call of the program.</param>
    /// <returns>The setup, to attach answers.</returns>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty.</exception>
    public CommandSetup Setup(string fileName, params string[] argumentPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(argumentPrefix);
        string[] prefix = [.. argumentPrefix];
        return Add(Describe(fileName, prefix, "…"), c => ProgramMatches(c, fileName) && c.ArgumentValues.Take(prefix.Length).SequenceEqual(prefix, StringComparer.Ordinal) && c.Arguments.Count >= prefix.Length);
    }

    /// <summary>Scripts the answer to <paramref name="fileName"/> calls whose arguments are exactly <paramref name="arguments"/>.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">The whole argument list.</param>
    /// <returns>The setup.</returns>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty.</exception>
    public CommandSetup SetupExact(string fileName, params string[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        string[] expected = [.. arguments];
        return Add(Describe(fileName, expected, string.Empty), c => ProgramMatches(c, fileName) && c.ArgumentValues.SequenceEqual(expected, StringComparer.Ordinal));
    }

    /// <summary>Scripts the answer to <paramref name="fileName"/> calls whose arguments contain <paramref name="sequence"/> contiguously, anywhere.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="sequence">The arguments that must appear one after another, e.g. <c>"-p", "127.0.0.1:3260"</c>.</param>
    /// <returns>The setup.</returns>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty.</exception>
    public CommandSetup SetupContaining(string fileName, params string[] sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(sequence);
        string[] expected = [.. sequence];
        return Add(Describe(fileName, expected, "(anywhere)"), c => ProgramMatches(c, fileName) && ContainsSequence([.. c.ArgumentValues], expected));
    }

    /// <summary>Scripts the answer to every call that satisfies <paramref name="predicate"/>.</summary>
    /// <param name="predicate">Decides whether a command matches.</param>
    /// <param name="description">Shown by <see cref="CommandSetup.ToString"/>.</param>
    /// <returns>The setup.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is <see langword="null"/>.</exception>
    public CommandSetup Setup(Func<CommandSpec, bool> predicate, string description = "predicate")
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Add(description, predicate);
    }

    /// <summary>Renders every call as a redacted command line, one per line (secrets as <c>***</c>), for assertions and failure messages.</summary>
    /// <returns>The calls joined with <c>\n</c>.</returns>
    public string RenderInvocations() => _recorder.Render();

    /// <summary>Forgets the recorded calls (setups stay).</summary>
    public void ClearInvocations() => _recorder.Clear();

    /// <inheritdoc />
    public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();
        _recorder.Record(command);
        var time = _recorder.TimeProvider;
        var started = time.GetTimestamp();

        CommandSetup? setup;
        lock (_gate)
        {
            // Last added wins, so a test can override a broad setup with a narrower one later.
            setup = _setups.LastOrDefault(s => s.Matches(command));
        }

        if (setup is null)
        {
            return DefaultResult with { Duration = TimeSpan.Zero };
        }

        var (step, callback, delay) = setup.Take();
        callback?.Invoke(command);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }

        var result = step(command);
        return result with { Duration = time.GetElapsedTime(started) };
    }

    private static bool ProgramMatches(CommandSpec command, string fileName) =>
        string.Equals(command.FileName, fileName, StringComparison.Ordinal)
        || string.Equals(Path.GetFileName(command.FileName), fileName, StringComparison.Ordinal);

    private static bool ContainsSequence(string[] values, string[] sequence)
    {
        for (var start = 0; start + sequence.Length <= values.Length; start++)
        {
            if (values.AsSpan(start, sequence.Length).SequenceEqual(sequence))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(string fileName, string[] arguments, string suffix) =>
        string.Join(' ', new[] { fileName }.Concat(arguments).Append(suffix).Where(s => s.Length > 0));

    private CommandSetup Add(string description, Func<CommandSpec, bool> predicate)
    {
        var setup = new CommandSetup(description, predicate);
        lock (_gate)
        {
            _setups.Add(setup);
        }

        return setup;
    }
}
