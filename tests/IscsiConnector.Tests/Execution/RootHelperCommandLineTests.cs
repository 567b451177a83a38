using IscsiConnector.Execution;

namespace IscsiConnector.Tests.Execution;

public class RootHelperCommandLineTests
{
    [Theory]
    [InlineData("sudo -n", new[] { "sudo", "-n" })]
    [InlineData("sudo nova-rootwrap /etc/nova/rootwrap.conf", new[] { "sudo", "nova-rootwrap", "/etc/nova/rootwrap.conf" })]
    [InlineData("  sudo\t -n  ", new[] { "sudo", "-n" })]
    [InlineData("/usr/bin/sudo -n -u root", new[] { "/usr/bin/sudo", "-n", "-u", "root" })]
    [InlineData("env LC_ALL=C sudo -n", new[] { "env", "LC_ALL=C", "sudo", "-n" })]
    public void Parse_DocumentedForms_SplitOnWhitespace(string commandLine, string[] expected)
    {
        RootHelperCommandLine.Parse(commandLine).Should().Equal(expected);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("sudo -n 'iscsiadm'", "contains '''")]
    [InlineData("sudo \"-n\"", "contains '\"'")]
    [InlineData("sudo -n $HOME", "contains '$'")]
    [InlineData("sudo -n; rm", "contains ';'")]
    [InlineData("sudo -n | tee", "contains '|'")]
    [InlineData("sudo a\\ b", "contains '\\'")]
    [InlineData("sudo `id`", "contains '`'")]
    [InlineData("sudo ~/x", "contains '~'")]
    [InlineData("sudo\n-n", "control character U+000A")]
    [InlineData("-n sudo", "starts with '-'")]
    public void Parse_ShellSyntaxOrBadShape_IsRefusedSayingWhy(string commandLine, string expected)
    {
        var act = () => RootHelperCommandLine.Parse(commandLine);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Problem_ListWithSpaceInItem_ExplainsTheListForm()
    {
        RootHelperCommandLine.Problem(["sudo -n"]).Should().Contain("[\"sudo\", \"-n\"]");
    }

    [Fact]
    public void Problem_ListItemsWithShellCharacters_AreAcceptedBecauseNoShellSeesThem()
    {
        RootHelperCommandLine.Problem(["sudo", "-n", "--prompt=$"]).Should().BeNull();
        RootHelperCommandLine.Problem(Array.Empty<string>()).Should().BeNull();
    }

    [Fact]
    public void ExecutorConstructor_HelperProgramStartingWithDash_Throws()
    {
        var act = () => new ProcessCommandExecutor(new ProcessCommandExecutorOptions { RootHelper = ["-n", "sudo"] });

        act.Should().Throw<ArgumentException>().WithMessage("*starts with '-'*");
    }
}
