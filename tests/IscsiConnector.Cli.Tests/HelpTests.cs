using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

/// <summary>Each command lists only the options it uses, described for what they do there.</summary>
public sealed class HelpTests
{
    private const string AttachMultipath = "Log into every portal";

    public static TheoryData<string[], string[], string[]> Commands => new()
    {
        { ["connect"], ["--multipath", AttachMultipath, "--transport", "--transport-fallback", "--login-timeout", "--root-helper", "--simulate", "--time-scale"], ["--device-info", "--force"] },
        { ["plan"], ["--multipath", AttachMultipath, "--transport", "--transport-fallback", "--login-timeout", "--root-helper", "--simulate"], ["--time-scale", "--device-info"] },
        { ["disconnect"], ["--device-info", "--force", "--ignore-errors", "--multipath", "--transport", "--simulate"], [AttachMultipath, "--login-timeout", "--transport-fallback"] },
        { ["paths"], ["--multipath", "--simulate"], [AttachMultipath, "--login-timeout", "--transport", "--device-info"] },
        { ["extend"], ["--multipath", "--simulate"], [AttachMultipath, "--login-timeout", "--transport"] },
        { ["properties"], ["--multipath", "multipathd is running", "--simulate"], [AttachMultipath, "--login-timeout", "--transport", "--connection-info"] },
        { ["iface", "list"], ["--root-helper", "--simulate"], ["--multipath", "--login-timeout", "--transport"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_OfACommand_ListsOnlyTheOptionsItUses(string[] command, string[] shown, string[] hidden)
    {
        var result = await Tool.RunAsync([.. command, "--help"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().ContainAll(shown);
        foreach (var text in hidden)
        {
            result.Stdout.Should().NotContain(text);
        }
    }

    [Fact]
    public async Task Help_OfTheRoot_LinksTheDocumentationAbsolutely()
    {
        var result = await Tool.RunAsync("--help");

        result.Stdout.Should().Contain("https://github.com/iscsi-connector/IscsiConnector/blob/main/docs/cli.md").And.NotContain("see docs/");
    }
}
