using IscsiConnector.Execution;
using IscsiConnector.IscsiAdm.Parsing;
using IscsiConnector.Tests.Support;
using Moq;

namespace IscsiConnector.Tests.Execution;

// Keeps the snippet at the top of docs/commands.md compiling and true (the lines between the markers are copied there).
public sealed class CommandsDocTests
{
    [Fact]
    public async Task DocsSnippet_SessionListThroughExecutor_ParsesCapturedSessions()
    {
        var fake = new Mock<ICommandExecutor>();
        fake.Setup(e => e.ExecuteAsync(It.Is<CommandSpec>(c => c.ToDisplayString() == "iscsiadm -m session"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CommandResult(0, FixtureFiles.Read("iscsiadm/session-list-two.txt"), string.Empty, TimeSpan.FromMilliseconds(153)));
        ICommandExecutor executor = fake.Object;
        var cancellationToken = CancellationToken.None;

        // docs/commands.md snippet: begin
        var command = new CommandSpec("iscsiadm", "-m", "session");
        var result = await executor.ExecuteAsync(command, cancellationToken);
        result.ThrowIfFailed(command, 21);                // 21 = "No active sessions." is not an error here
        var sessions = SessionListParser.Parse(result.StandardOutput).Items;
        // docs/commands.md snippet: end

        sessions.Select(s => s.SessionId).Should().Equal(1, 2);
    }

    [Fact]
    public void DocsSnippet_ExecutorConstruction_Compiles()
    {
        var logger = new CapturingLogger<ProcessCommandExecutor>();

        // docs/commands.md snippet: begin
        var executor = new ProcessCommandExecutor(
            new ProcessCommandExecutorOptions { RootHelper = ["sudo", "-n"], DefaultTimeout = TimeSpan.FromMinutes(3) },
            logger);                                       // ILogger<ProcessCommandExecutor>?, NullLogger when omitted
        // docs/commands.md snippet: end

        executor.Should().BeAssignableTo<ICommandExecutor>();
    }
}
