using System.Text.RegularExpressions;
using IscsiConnector.Execution;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Tests.Testing;

/// <summary>
/// The code shown in docs/testing.md, compiled and run. Each region between <c>// snippet: name</c> and
/// <c>// end snippet</c> must appear verbatim in the doc under <c>&lt;!-- snippet: name --&gt;</c>.
/// </summary>
public partial class DocsSnippetTests
{
    [Fact]
    public async Task FakeExecutor_Snippet_Works()
    {
        // snippet: fake-executor
        var time = new SimulatedTimeProvider();
        var fake = new FakeCommandExecutor(time);
        fake.Setup("iscsiadm", "-m", "session").Returns(21, stderr: "iscsiadm: No active sessions.");
        fake.Setup("multipath", "-f").Returns(1, stderr: "mpatha: map in use").Returns(0);

        var sessions = await fake.ExecuteAsync(new CommandSpec("iscsiadm", "-m", "session"));
        var busy = await fake.ExecuteAsync(new CommandSpec("multipath", "-f", "mpatha"));
        var flushed = await fake.ExecuteAsync(new CommandSpec("multipath", "-f", "mpatha"));

        sessions.ExitCode.Should().Be(21);
        (busy.ExitCode, flushed.ExitCode).Should().Be((1, 0));
        fake.ProcessStartCount.Should().Be(3);
        fake.RenderInvocations().Should().Be("iscsiadm -m session\nmultipath -f mpatha\nmultipath -f mpatha");
        // end snippet
    }

    [Fact]
    public async Task SimulatedHost_Snippet_Works()
    {
        // snippet: simulated-host
        var time = new SimulatedTimeProvider();
        var host = new SimulatedIscsiHost(time)
            .AddTarget("iqn.2010-10.org.openstack:volume-1", new SimulatedLun(1, 1L << 30))
            .AddPortal("127.0.0.1:3260")
            .AddPortal("127.0.0.2:3260", PortalState.Blackholed);

        // Give the connector `host` as its ICommandExecutor and as its IHostFileSystem, and `time` as its TimeProvider.
        // Here we drive it by hand, the way the connector does:
        string[] node = ["-m", "node", "-T", "iqn.2010-10.org.openstack:volume-1", "-p", "127.0.0.1:3260"];
        await host.ExecuteAsync(new CommandSpec("iscsiadm", [.. node, "-o", "new"]));
        var login = await host.ExecuteAsync(new CommandSpec("iscsiadm", [.. node, "--login"]));

        login.ExitCode.Should().Be(0);
        host.ReadAllText("/sys/class/iscsi_session/session1/state").Should().Be("LOGGED_IN\n");
        host.ListDirectory("/sys/class/iscsi_session/session1/device/target0:0:0/0:0:0:1/block").Should().Equal("sda");
        host.ResolvePath("/dev/disk/by-path/ip-127.0.0.1:3260-iscsi-iqn.2010-10.org.openstack:volume-1-lun-1").Should().Be("/dev/sda");

        await host.ExecuteAsync(new CommandSpec("iscsiadm", [.. node, "--logout"]));
        await host.ExecuteAsync(new CommandSpec("iscsiadm", [.. node, "-o", "delete"]));
        host.Leaks().Should().BeEmpty();
        // end snippet
    }

    [Fact]
    public async Task DeadPortal_Snippet_Works()
    {
        // snippet: dead-portal
        var time = new SimulatedTimeProvider();
        var host = new SimulatedIscsiHost(time)
            .AddTarget("iqn.2010-10.org.openstack:volume-1")
            .AddPortal("127.0.0.2:3260", PortalState.Blackholed);
        string[] node = ["-m", "node", "-T", "iqn.2010-10.org.openstack:volume-1", "-p", "127.0.0.2:3260"];
        await host.ExecuteAsync(new CommandSpec("iscsiadm", [.. node, "-o", "new"]));
        await host.ExecuteAsync(new CommandSpec("iscsiadm", [.. node, "-o", "update", "-n", "node.conn[0].timeo.login_timeout", "-v", "5", "-n", "node.session.initial_login_retry_max", "-v", "0"]));

        var login = await host.ExecuteAsync(new CommandSpec("iscsiadm", [.. node, "--login"]));

        login.ExitCode.Should().Be(8); // "initiator reported error (8 - connection timed out)"
        login.Duration.Should().Be(TimeSpan.FromSeconds(5)); // virtual time: the test did not wait
        time.Elapsed.Should().Be(TimeSpan.FromSeconds(5));
        // end snippet
    }

    [Fact]
    public void Scenario_Snippet_Works()
    {
        var path = TestBed.RepositoryFile("samples/scenarios/primary-down.json");
        // snippet: scenario
        var host = SimulatedIscsiHost.FromScenario(File.ReadAllText(path), new SimulatedTimeProvider());

        host.InjectFailure("multipath", ["-f"], times: 2, exitCode: 1, standardError: "mpatha: map in use\n");
        host.SetPortalState("127.0.0.1:3260", PortalState.Up); // the dead primary comes back
        // end snippet
        host.Invocations.Should().BeEmpty();
    }

    [Fact]
    public void Docs_EverySnippet_MatchesTheCodeInThisFile()
    {
        var doc = File.ReadAllText(TestBed.RepositoryFile("docs/testing.md"));
        var source = File.ReadAllText(TestBed.RepositoryFile("tests/IscsiConnector.Tests/Testing/DocsSnippetTests.cs"));
        var regions = SourceSnippet().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["code"].Value));
        var blocks = DocSnippet().Matches(doc).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value.TrimEnd());

        regions.Keys.Should().BeEquivalentTo(["fake-executor", "simulated-host", "dead-portal", "scenario"]);
        blocks.Keys.Should().BeEquivalentTo(regions.Keys);
        foreach (var (name, code) in regions)
        {
            blocks[name].Should().Be(code, $"docs/testing.md snippet '{name}' must be the tested code");
        }
    }

    private static string Dedent(string code)
    {
        var lines = code.TrimEnd().Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"// snippet: (?<name>[a-z-]+)\n(?<code>.*?)\n[ ]*// end snippet", RegexOptions.Singleline)]
    private static partial Regex SourceSnippet();

    [GeneratedRegex(@"<!-- snippet: (?<name>[a-z-]+) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex DocSnippet();
}
