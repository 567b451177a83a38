using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

/// <summary><c>plan</c> must print what <c>connect</c> actually runs: compared with the Trace of a real <c>connect --simulate</c> process.</summary>
public sealed class PlanCommandTests
{
    public static TheoryData<string, string, bool> ShippedScenarios => new()
    {
        { Samples.HealthySingle, Samples.Single, false },
        { Samples.PrimaryDown, Samples.Failover, false },
        { Samples.WrongChap, Samples.Chap, false },
        { Samples.MultipathOneDown, Samples.Multipath, true },
    };

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public async Task Plan_ShippedScenario_MatchesWhatConnectExecutes(string scenario, string info, bool multipath)
    {
        string[] common = ["--simulate", scenario, "--connection-info", info, .. multipath ? new[] { "--multipath" } : []];

        var plan = await Tool.RunAsync(["plan", .. common]);
        var connect = await Tool.RunAsync(["connect", .. common, "--verbose", "--time-scale", "0"]);

        plan.ExitCode.Should().Be(0, plan.ToString());
        AssertSameSteps(Steps.FromPlan(plan.Json()), Steps.FromTrace(connect.Stderr), multipath);
    }

    [Fact]
    public async Task Plan_PrimaryDownAgainstConnectInRealTime_MatchesWhatConnectExecutes()
    {
        // The plan runs on a virtual clock; connect here on the system clock with real latencies and a real timeout.
        var plan = await Tool.RunAsync("plan", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--login-timeout", "1");
        var connect = await Tool.RunAsync("connect", "--simulate", Samples.PrimaryDown, "--connection-info", Samples.Failover, "--login-timeout", "1", "--verbose");

        connect.ExitCode.Should().Be(0, connect.ToString());
        AssertSameSteps(Steps.FromPlan(plan.Json()), Steps.FromTrace(connect.Stderr), multipath: false);
    }

    public static TheoryData<string, string, bool> HealthyHosts => new()
    {
        { Samples.Single, Samples.HealthySingle, false },
        { Samples.Failover, Samples.Fixture("failover-all-up.json"), false },
        { Samples.Chap, Samples.Fixture("chap-accepting.json"), false },
        { Samples.Multipath, Samples.Fixture("multipath-all-up.json"), true },
    };

    [Theory]
    [MemberData(nameof(HealthyHosts))]
    public async Task Plan_WithoutScenario_MatchesConnectOnAHealthyHost(string info, string healthyScenario, bool multipath)
    {
        string[] mode = multipath ? ["--multipath"] : [];

        var plan = await Tool.RunAsync(["plan", "--connection-info", info, .. mode]);
        var connect = await Tool.RunAsync(["connect", "--simulate", healthyScenario, "--connection-info", info, "--verbose", "--time-scale", "0", .. mode]);

        plan.ExitCode.Should().Be(0, plan.ToString());
        connect.ExitCode.Should().Be(0, connect.ToString());
        var json = plan.Json();
        json.GetProperty("assumes").GetString().Should().Be("connection_info");
        json.GetProperty("result").GetProperty("attached").GetBoolean().Should().BeTrue();
        AssertSameSteps(Steps.FromPlan(json), Steps.FromTrace(connect.Stderr), multipath);
    }

    [Fact]
    public async Task Plan_Chap_MasksThePasswordInArgvAndCommand()
    {
        var plan = await Tool.RunAsync("plan", "--connection-info", Samples.Chap);

        plan.Stdout.Should().Contain("\"***\"").And.Contain("node.session.auth.password -v ***").And.NotContain(Samples.ChapPassword);
    }

    [Fact]
    public async Task Plan_OnThisMachine_RunsNothing()
    {
        // A root helper that does not exist: had any step been run for real, it could not have started.
        var plan = await Tool.RunAsync("plan", "--connection-info", Samples.Single, "--root-helper", "/nonexistent/helper -n");

        plan.ExitCode.Should().Be(0, plan.ToString());
        var json = plan.Json();
        json.GetProperty("result").GetProperty("attached").GetBoolean().Should().BeTrue();
        var commands = json.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("type").GetString() == "command").ToList();
        commands.Should().NotBeEmpty().And.AllSatisfy(s =>
        {
            s.GetProperty("argv")[0].GetString().Should().Be("/nonexistent/helper");
            s.GetProperty("argv")[1].GetString().Should().Be("-n");
            // With a root helper the LUN scan is a command too: tee through the helper, as connect would run it.
            s.GetProperty("command").GetString().Should().MatchRegex("^/nonexistent/helper -n (iscsiadm |tee /sys/)");
        });
        commands.Select(s => s.GetProperty("command").GetString()).Should().Contain("/nonexistent/helper -n tee /sys/class/scsi_host/host0/scan");
        commands.Select(s => s.GetProperty("command").GetString()).Should().ContainMatch("* --login");
        plan.Stderr.Should().BeEmpty("plan prints no progress: nothing happens");
    }

    [Fact]
    public async Task Plan_ScenarioWhereEveryPortalFails_ReportsTheFailureAndExitsZero()
    {
        var plan = await Tool.RunAsync("plan", "--simulate", Samples.Fixture("all-portals-down.json"), "--connection-info", Samples.Failover);

        plan.ExitCode.Should().Be(0, plan.ToString());
        var result = plan.Json().GetProperty("result");
        result.GetProperty("attached").GetBoolean().Should().BeFalse();
        result.GetProperty("error").GetString().Should().Contain("no portal produced");
    }

    /// <summary>
    /// Failover runs one portal at a time: the whole sequence must match. Multipath logs into portals in parallel,
    /// so only each portal's own sequence has a fixed order; across portals the steps must match as a multiset.
    /// </summary>
    private static void AssertSameSteps(List<string> planned, List<string> executed, bool multipath)
    {
        planned.Should().NotBeEmpty();
        if (!multipath)
        {
            planned.Should().Equal(executed);
            return;
        }

        // "multipath -a <wwid>" and "multipathd add path" are best-effort hints sent only when the map is not there yet at
        // the first look; whether multipathd (simulated) has built it by then depends on how far the clock moved, so the
        // hints are compared apart: every hint names one of this volume's disks (or the WWID), the rest must match exactly.
        const string Hint = "multipathd add path ";
        const string WwidHint = "multipath -a ";
        planned.Concat(executed).Where(s => s.StartsWith(Hint, StringComparison.Ordinal))
            .All(s => s.StartsWith(Hint + "/dev/sd", StringComparison.Ordinal)).Should().BeTrue("a hint names one of the volume's disks");
        planned.Concat(executed).Where(s => s.StartsWith(WwidHint, StringComparison.Ordinal)).Distinct().Should().HaveCountLessThanOrEqualTo(1, "one volume, one WWID");
        planned = planned.Where(s => !s.StartsWith(Hint, StringComparison.Ordinal) && !s.StartsWith(WwidHint, StringComparison.Ordinal)).ToList();
        executed = executed.Where(s => !s.StartsWith(Hint, StringComparison.Ordinal) && !s.StartsWith(WwidHint, StringComparison.Ordinal)).ToList();

        foreach (var portal in executed.Select(Steps.PortalOf).Concat(planned.Select(Steps.PortalOf)).OfType<string>().Distinct())
        {
            planned.Where(s => Steps.PortalOf(s) == portal).Should().Equal(executed.Where(s => Steps.PortalOf(s) == portal), $"portal {portal}'s steps keep their order");
        }

        planned.Select(Steps.WithoutHostNumber).Should().BeEquivalentTo(executed.Select(Steps.WithoutHostNumber));
    }
}
