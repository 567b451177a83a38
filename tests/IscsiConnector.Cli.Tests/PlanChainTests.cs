using System.Text.Json;
using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

/// <summary><c>plan</c> shows the whole failover chain (not only the happy path) and, for multipath, each portal's sequence.</summary>
public sealed class PlanChainTests
{
    private const string Iqn = "iqn.2010-10.org.openstack:volume-00000002";

    private static List<string> StepsOf(JsonElement link, string name) =>
        link.GetProperty(name).EnumerateArray()
            .Select(s => s.GetProperty("type").GetString() == "command"
                ? s.GetProperty("command").GetString()!
                : $"write '{s.GetProperty("value").GetString()}' > {s.GetProperty("path").GetString()}")
            .ToList();

    [Fact]
    public async Task Plan_Failover_ShowsEveryPathInTheBackendsOrderWithWhatRunsAndWhatIsUndone()
    {
        var plan = await Tool.RunAsync("plan", "--connection-info", Samples.Failover);

        plan.ExitCode.Should().Be(0, plan.ToString());
        var chain = plan.Json().GetProperty("chain").EnumerateArray().ToList();
        chain.Select(l => l.GetProperty("portal").GetString()).Should().Equal("127.0.0.1:3260", "127.0.0.2:3260", "127.0.0.3:3260");
        chain.Select(l => l.GetProperty("role").GetString()).Should().Equal("primary", "alternative", "alternative");
        StepsOf(plan.Json(), "before_any_path").Should().BeEmpty("as root without a helper the host check only reads files");
        foreach (var link in chain)
        {
            var portal = link.GetProperty("portal").GetString();
            var node = $"iscsiadm -m node -T {Iqn} -p {portal} -I default";
            StepsOf(link, "attempt").Should().HaveCount(3).And.StartWith($"{node} -o new").And.EndWith($"{node} --login");
            // node.startup=automatic only once the login worked (issue 12, item 4), then the LUN scan.
            StepsOf(link, "if_logged_in").Should().HaveCount(2);
            StepsOf(link, "if_logged_in")[0].Should().Be($"{node} -o update -n node.startup -v automatic");
            StepsOf(link, "if_logged_in")[1].Should().MatchRegex(@"^write '0 0 1' > /sys/class/scsi_host/host\d+/scan$");
            StepsOf(link, "if_failed").Should().Equal($"{node} -o delete");
        }

        chain[0].GetProperty("then").GetString().Should().Be($"next path: 127.0.0.2:3260 {Iqn} lun 1");
        chain[2].GetProperty("then").GetString().Should().Be("the attach fails: every path was tried");
    }

    [Fact]
    public async Task Plan_WithRootHelper_ShowsTheHostChecksCommandsOnceBeforeAnyPath()
    {
        var plan = await Tool.RunAsync("plan", "--connection-info", Samples.Failover, "--root-helper", "sudo -n");

        plan.ExitCode.Should().Be(0, plan.ToString());
        StepsOf(plan.Json(), "before_any_path").Should().Equal(["sudo -n iscsiadm --version"],
            "through a helper the check runs iscsiadm once (is the helper allowed?); the modelled initiator name is readable, so no cat");
        plan.Json().GetProperty("chain").EnumerateArray().SelectMany(l => StepsOf(l, "attempt")).Should().NotContain(s => s.Contains("--version"));
    }

    [Fact]
    public async Task Plan_Failover_ChainMatchesWhatConnectRunsWhenThePrimaryIsDown()
    {
        var plan = await Tool.RunAsync("plan", "--connection-info", Samples.Failover);
        // Without the probe the dead primary gets its login, so the chain's primary-fails branch runs (with the probe,
        // the primary is found dead before any command and the chain starts at the alternative).
        var connect = await Tool.RunAsync("connect", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--no-probe", "--verbose", "--time-scale", "0");

        connect.ExitCode.Should().Be(0, connect.ToString());
        var chain = plan.Json().GetProperty("chain").EnumerateArray().ToList();
        List<string> expected = [.. StepsOf(plan.Json(), "before_any_path"), .. StepsOf(chain[0], "attempt"), .. StepsOf(chain[0], "if_failed"), .. StepsOf(chain[1], "attempt"), .. StepsOf(chain[1], "if_logged_in")];
        Steps.FromTrace(connect.Stderr).Select(Steps.WithoutHostNumber).Should().Equal(expected.Select(Steps.WithoutHostNumber),
            "the chain's primary-fails branch is exactly what connect does on a host whose primary is down");
    }

    [Fact]
    public async Task Plan_Multipath_ShowsEachPortalsSequenceAndNoChain()
    {
        var plan = await Tool.RunAsync("plan", "--multipath", "--connection-info", Samples.Multipath);

        plan.ExitCode.Should().Be(0, plan.ToString());
        var json = plan.Json();
        json.TryGetProperty("chain", out _).Should().BeFalse();
        var portals = json.GetProperty("portals").EnumerateArray().ToList();
        portals.Should().HaveCountGreaterThan(1);
        foreach (var portal in portals)
        {
            var address = portal.GetProperty("portal").GetString()!;
            var steps = StepsOf(portal, "steps");
            steps.Should().NotBeEmpty().And.OnlyContain(s => Steps.PortalOf(s) == address);
            steps.Last().Should().EndWith("-o update -n node.startup -v automatic", "the record turns automatic only after its login (issue 12, item 4)");
            steps.Should().Equal(Steps.FromPlan(json).Where(s => Steps.PortalOf(s) == address), "each portal's sequence, in the order it ran");
        }
    }
}
