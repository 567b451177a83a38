using IscsiConnector.Execution;
using IscsiConnector.Tests.Support;

namespace IscsiConnector.Tests.Windows;

/// <summary><see cref="CommandSpec.Environment"/>, which the Windows scripts rely on: the child (only) gets the variables, and secret values never reach an error.</summary>
public sealed class ChildEnvironmentTests
{
    [LinuxFact]
    public async Task ExecuteAsync_Environment_ReachesTheChildAndOnlyTheChild()
    {
        var command = new CommandSpec("printenv", "ISCSI_CONNECTOR_TEST_VALUE")
        {
            Environment = new Dictionary<string, CommandArgument> { ["ISCSI_CONNECTOR_TEST_VALUE"] = "data: 'quoted' $(not code)" },
        };

        var result = await new ProcessCommandExecutor().ExecuteAsync(command);

        result.StandardOutput.Should().Be("data: 'quoted' $(not code)\n");
        Environment.GetEnvironmentVariable("ISCSI_CONNECTOR_TEST_VALUE").Should().BeNull();
    }

    [LinuxFact]
    public async Task ToException_SecretEnvironmentValueEchoed_IsMasked()
    {
        var command = new CommandSpec("sh", "-c", "printenv ISCSI_CONNECTOR_TEST_SECRET >&2; exit 3")
        {
            Environment = new Dictionary<string, CommandArgument> { ["ISCSI_CONNECTOR_TEST_SECRET"] = CommandArgument.Secret("s3cr3t-value-42") },
        };

        var result = await new ProcessCommandExecutor().ExecuteAsync(command);
        var error = result.ToException(command);

        result.StandardError.Should().Contain("s3cr3t-value-42", because: "the child did get the secret");
        error.Message.Should().NotContain("s3cr3t-value-42").And.Contain(CommandArgument.Mask);
        error.StandardError.Should().NotContain("s3cr3t-value-42");
        command.ToDisplayString().Should().NotContain("s3cr3t-value-42");
    }
}
