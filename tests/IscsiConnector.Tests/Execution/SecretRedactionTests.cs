using IscsiConnector.Execution;
using IscsiConnector.Tests.Support;

namespace IscsiConnector.Tests.Execution;

public sealed class SecretRedactionTests
{
    private const string Secret = "chapsecret123";

    [LinuxFact]
    public async Task ExecuteAsync_SecretArgumentEchoedOnFailure_NeverReachesLogsOrException()
    {
        // The child echoes its secret argument to stderr, as a careless tool might, and fails like a CHAP login.
        var logger = new CapturingLogger<ProcessCommandExecutor>();
        var command = new CommandSpec("/bin/sh", ["-c", "echo \"bad value $1\" >&2; exit 24", "sh", CommandArgument.Secret(Secret)])
        {
            Timeout = TimeSpan.FromSeconds(60),
        };

        var result = await new ProcessCommandExecutor(logger: logger).ExecuteAsync(command);
        var act = () => result.ThrowIfFailed(command);

        result.StandardError.Should().Contain(Secret, "the executor returns output untouched; redaction happens where it is displayed");
        var error = act.Should().Throw<IscsiCommandException>().Which;
        error.Message.Should().NotContain(Secret).And.Contain("bad value ***");
        error.CommandLine.Should().NotContain(Secret).And.EndWith("sh ***");
        error.StandardError.Should().NotContain(Secret);
        error.ToString().Should().NotContain(Secret);
        logger.Entries.Should().NotBeEmpty();
        logger.Entries.Should().AllSatisfy(e => e.AllText.Should().NotContain(Secret));
    }

    [LinuxFact]
    public async Task ExecuteAsync_SecretStandardInput_IsNeitherLoggedNorInException()
    {
        var logger = new CapturingLogger<ProcessCommandExecutor>();
        var command = new CommandSpec("/bin/sh", "-c", "cat >&2; exit 1")
        {
            StandardInput = $"node.session.auth.password = {Secret}\n",
            StandardInputIsSecret = true,
            Timeout = TimeSpan.FromSeconds(60),
        };

        var result = await new ProcessCommandExecutor(logger: logger).ExecuteAsync(command);
        var act = () => result.ThrowIfFailed(command);

        act.Should().Throw<IscsiCommandException>().Which.ToString().Should().NotContain(Secret);
        logger.WithEventId(IscsiEventIds.CommandStarting).Single().Message.Should().Contain("standard input: secret, not shown");
        logger.Entries.Should().AllSatisfy(e => e.AllText.Should().NotContain(Secret));
    }

    [LinuxFact]
    public async Task ExecuteAsync_TimeoutWithSecretArgument_ExceptionAndLogsAreRedacted()
    {
        var logger = new CapturingLogger<ProcessCommandExecutor>();
        var command = new CommandSpec("/bin/sh", ["-c", "sleep 600", "sh", CommandArgument.Secret(Secret)]) { Timeout = TimeSpan.FromMilliseconds(100) };

        var act = () => new ProcessCommandExecutor(logger: logger).ExecuteAsync(command);

        (await act.Should().ThrowAsync<IscsiCommandException>()).Which.ToString().Should().NotContain(Secret);
        logger.Entries.Should().AllSatisfy(e => e.AllText.Should().NotContain(Secret));
    }

    [Fact]
    public async Task ExecuteAsync_MissingProgramWithSecretArgument_MessageIsRedacted()
    {
        var command = new CommandSpec("/nonexistent/iscsiadm", ["-v", CommandArgument.Secret(Secret)]);

        var act = () => new ProcessCommandExecutor().ExecuteAsync(command);

        (await act.Should().ThrowAsync<IscsiCommandException>()).Which.ToString().Should().NotContain(Secret);
    }
}
