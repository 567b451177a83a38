using IscsiConnector.Execution;

namespace IscsiConnector.Testing;

/// <summary>One command that a <see cref="FakeCommandExecutor"/> or a simulated host was asked to run.</summary>
/// <param name="Sequence">The 1-based position of the call among all calls to the same executor.</param>
/// <param name="Command">The command exactly as it was passed (secret arguments included, but masked in every display).</param>
/// <param name="StartedAt">When the call started, read from the executor's <see cref="TimeProvider"/>.</param>
public sealed record RecordedCommand(long Sequence, CommandSpec Command, DateTimeOffset StartedAt)
{
    /// <summary>Gets the redacted command line (secrets shown as <c>***</c>), handy in assertions.</summary>
    public string Display => Command.ToDisplayString();

    /// <inheritdoc />
    public override string ToString() => Display;
}
