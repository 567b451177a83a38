using System.Xml.Linq;
using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

[Trait("Category", "Pack")]
public sealed class PackageTests
{
    [PackFact]
    public async Task Pack_ThenToolInstall_GivesAWorkingIscsiConnectorCommand()
    {
        var work = Path.Combine(Path.GetTempPath(), "iscsi-connector-pack-test-" + Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(work, "feed");
        var tools = Path.Combine(work, "tools");
        Directory.CreateDirectory(feed);
        var config = Path.Combine(work, "NuGet.config");
        // Only the local folder: the install must not depend on (or reach) nuget.org.
        new XDocument(new XElement("configuration", new XElement("packageSources",
            new XElement("clear"),
            new XElement("add", new XAttribute("key", "local"), new XAttribute("value", feed))))).Save(config);
        try
        {
            // --no-build: the test run already built the tool; rebuilding here would race with the other tests running it.
            var pack = await Tool.RunProgramAsync("dotnet", ["pack", "src/IscsiConnector.Cli/IscsiConnector.Cli.csproj", "--no-build", "-c", Tool.Configuration, "-o", feed], timeout: TimeSpan.FromMinutes(3));
            pack.ExitCode.Should().Be(0, pack.ToString());
            Directory.GetFiles(feed, "IscsiConnector.Cli.*.nupkg").Should().ContainSingle(f => !f.EndsWith(".snupkg", StringComparison.Ordinal));

            var install = await Tool.RunProgramAsync("dotnet", ["tool", "install", "--tool-path", tools, "--configfile", config, "IscsiConnector.Cli"], timeout: TimeSpan.FromMinutes(3));
            install.ExitCode.Should().Be(0, install.ToString());

            var run = await Tool.RunProgramAsync(Path.Combine(tools, "iscsi-connector"), ["plan", "--connection-info", Samples.Single]);
            run.ExitCode.Should().Be(0, run.ToString());
            run.Json().GetProperty("result").GetProperty("attached").GetBoolean().Should().BeTrue();
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
