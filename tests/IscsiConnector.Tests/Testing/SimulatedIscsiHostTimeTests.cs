using IscsiConnector.Execution;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using static IscsiConnector.Tests.Testing.TestBed;

namespace IscsiConnector.Tests.Testing;

public class SimulatedIscsiHostTimeTests
{
    [Fact]
    public async Task Login_BlackholedWithDefaults_Costs135VirtualSeconds()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time);
        await host.Iscsiadm("-m", "node", "-o", "new", "-T", Disk1, "-p", "127.0.0.3:3260");
        var start = time.GetTimestamp();

        var result = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.3:3260", "--login");

        result.ExitCode.Should().Be(8);
        time.GetElapsedTime(start).Should().Be(TimeSpan.FromSeconds(15 * 9), "login_timeout 15 x (initial_login_retry_max 8 + 1); ~123 s was captured");
        result.Duration.Should().Be(TimeSpan.FromSeconds(135));
    }

    [Theory]
    [InlineData("127.0.0.3:3260", "2", "1", 4)]
    [InlineData("127.0.0.1:3261", "2", "0", 2)]
    [InlineData("127.0.0.3:3260", "5", "0", 5)]
    public async Task Login_DeadPortalWithLoweredTimeouts_CostsTimeoutTimesAttempts(string portal, string timeout, string retries, int seconds)
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time);
        await host.Iscsiadm("-m", "node", "-o", "new", "-T", Disk1, "-p", portal);
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", portal, "-o", "update", "-n", "node.conn[0].timeo.login_timeout", "-v", timeout, "-n", "node.session.initial_login_retry_max", "-v", retries);

        var result = await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", portal, "--login");

        result.ExitCode.Should().Be(8);
        result.Duration.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public async Task Discovery_Blackholed_CostsLoginTimeoutPerAttempt()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time);

        var plain = await host.Iscsiadm("-m", "discovery", "-t", "st", "-p", "127.0.0.3:3260");
        await host.Iscsiadm("-m", "discoverydb", "-t", "st", "-p", "127.0.0.3:3260", "-o", "new");
        await host.Iscsiadm("-m", "discoverydb", "-t", "st", "-p", "127.0.0.3:3260", "-o", "update", "-n", "discovery.sendtargets.timeo.login_timeout", "-v", "2", "-n", "discovery.sendtargets.reopen_max", "-v", "0");
        var lowered = await host.Iscsiadm("-m", "discoverydb", "-t", "st", "-p", "127.0.0.3:3260", "--discover");

        plain.Duration.Should().Be(TimeSpan.FromSeconds(90), "15 s x 6 attempts; 95.7 s captured");
        lowered.ExitCode.Should().Be(11);
        lowered.Duration.Should().Be(TimeSpan.FromSeconds(2), "2.2 s captured");
        lowered.StandardError.Should().Be("iscsiadm: connect to 127.0.0.3 timed out\niscsiadm: connection login retries (reopen_max) 0 exceeded\niscsiadm: Could not perform SendTargets discovery: iSCSI PDU timed out\n");
    }

    [Fact]
    public async Task Latency_PerProgramAndDefault_PaidPerCommand()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time).WithLatency(TimeSpan.FromMilliseconds(150)).WithLatency("iscsiadm", TimeSpan.FromMilliseconds(300));

        var iscsiadm = await host.Iscsiadm("-m", "session");
        var udevadm = await host.Run("udevadm", "settle");

        iscsiadm.Duration.Should().Be(TimeSpan.FromMilliseconds(300));
        udevadm.Duration.Should().Be(TimeSpan.FromMilliseconds(150));
        time.Elapsed.Should().Be(TimeSpan.FromMilliseconds(450));
    }

    [Fact]
    public async Task ParallelLogins_DeadAndHealthy_OverlapAndCreateOneSessionEach()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time).WithLatency("iscsiadm", TimeSpan.FromMilliseconds(300));
        foreach (var portal in new[] { "127.0.0.1:3260", "127.0.0.2:3260", "127.0.0.3:3260" })
        {
            await host.Iscsiadm("-m", "node", "-o", "new", "-T", Disk1, "-p", portal);
        }

        var start = time.GetTimestamp();
        var results = await Task.WhenAll(new[] { "127.0.0.1:3260", "127.0.0.2:3260", "127.0.0.3:3260" }
            .Select(p => Task.Run(() => host.Iscsiadm("-m", "node", "-T", Disk1, "-p", p, "--login"))));
        var elapsed = time.GetElapsedTime(start);

        results.Select(r => r.ExitCode).Should().BeEquivalentTo([0, 0, 8]);
        host.Sessions.Should().HaveCount(2);
        host.MultipathMaps.Should().ContainSingle().Which.Paths.Should().HaveCount(2);
        elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(135.3)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(135.9), "the dead login overlaps the healthy ones; only latencies may serialise");
    }

    [Fact]
    public async Task SameNodeLoggedInTwiceConcurrently_OneWinsOneGets15()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time).WithLatency("iscsiadm", TimeSpan.FromMilliseconds(10));
        await host.Iscsiadm("-m", "node", "-o", "new", "-T", Disk1, "-p", "127.0.0.1:3260");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "--login"))));

        results.Count(r => r.ExitCode == 0).Should().Be(1);
        results.Count(r => r.ExitCode == 15).Should().Be(7);
        host.Sessions.Should().ContainSingle();
    }

    [Fact]
    public async Task Login_CancelledWhilePayingTheTimeout_ThrowsAndLeavesNoSession()
    {
        var time = new SimulatedTimeProvider(SimulatedTimeProvider.DefaultStart, autoAdvance: false);
        var host = CaptureHost(time);
        await host.Iscsiadm("-m", "node", "-o", "new", "-T", Disk1, "-p", "127.0.0.3:3260");
        using var cts = new CancellationTokenSource();

        var login = host.ExecuteAsync(new CommandSpec("iscsiadm", "-m", "node", "-T", Disk1, "-p", "127.0.0.3:3260", "--login"), cts.Token);
        await cts.CancelAsync();

        await login.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        host.Sessions.Should().BeEmpty();
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.3:3260", "-o", "delete");
        host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task CommandTimeout_ShorterThanTheCost_ThrowsTimedOutAtTheLimit()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time);
        await host.Iscsiadm("-m", "node", "-o", "new", "-T", Disk1, "-p", "127.0.0.3:3260");
        var command = new CommandSpec("iscsiadm", "-m", "node", "-T", Disk1, "-p", "127.0.0.3:3260", "--login") { Timeout = TimeSpan.FromSeconds(20) };

        var act = () => host.ExecuteAsync(command);

        (await act.Should().ThrowAsync<IscsiCommandException>()).Which.TimedOut.Should().BeTrue();
        time.Elapsed.Should().Be(TimeSpan.FromSeconds(20));
    }
}
