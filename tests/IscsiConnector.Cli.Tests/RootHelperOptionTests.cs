using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

public sealed class RootHelperOptionTests
{
    [Theory]
    [InlineData("sudo -n", new[] { "sudo", "-n" })]
    [InlineData("sudo nova-rootwrap /etc/nova/rootwrap.conf", new[] { "sudo", "nova-rootwrap", "/etc/nova/rootwrap.conf" })]
    public async Task Plan_DocumentedRootHelpers_AreSplitOnWhitespace(string helper, string[] expected)
    {
        var plan = await Tool.RunAsync("plan", "--connection-info", Samples.Single, "--root-helper", helper);

        plan.ExitCode.Should().Be(0, plan.ToString());
        plan.Json().GetProperty("root_helper").EnumerateArray().Select(e => e.GetString()).Should().Equal(expected);
    }

    [Theory]
    [InlineData("sudo -n $HOME", "contains '$'")]
    [InlineData("sudo \"-n\"", "contains '\"'")]
    [InlineData("-n sudo", "starts with '-'")]
    public async Task Connect_ShellSyntaxInRootHelper_IsRefusedBeforeAnythingRuns(string helper, string expected)
    {
        var result = await Tool.RunAsync("connect", "--connection-info", Samples.Single, "--root-helper", helper);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Last().Should().StartWith("iscsi-connector: error: --root-helper: ").And.Contain(expected);
    }
}
