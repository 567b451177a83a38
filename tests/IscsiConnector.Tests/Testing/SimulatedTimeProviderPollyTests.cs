using IscsiConnector.Execution;
using IscsiConnector.Testing;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using static IscsiConnector.Tests.Testing.TestBed;

namespace IscsiConnector.Tests.Testing;

/// <summary>The clock with Polly v8, as the connector uses it: timeouts are deadlines, retry delays are waits.</summary>
public class SimulatedTimeProviderPollyTests
{
    [Fact]
    public async Task PollyTimeout_AroundABlackholedLogin_FiresAtTheTimeoutInVirtualTime()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time);
        await host.Iscsiadm("-m", "node", "-o", "new", "-T", Disk1, "-p", "127.0.0.3:3260");
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(TimeSpan.FromSeconds(60)).Build();

        var act = () => pipeline.ExecuteAsync(ct => new ValueTask<CommandResult>(
            host.ExecuteAsync(new CommandSpec("iscsiadm", "-m", "node", "-T", Disk1, "-p", "127.0.0.3:3260", "--login"), ct))).AsTask();

        await act.Should().ThrowAsync<TimeoutRejectedException>();
        time.Elapsed.Should().Be(TimeSpan.FromSeconds(60));
        host.Sessions.Should().BeEmpty();
    }

    [Fact]
    public async Task PollyTimeout_AroundAHealthyLogin_DoesNotFire()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time).WithLatency("iscsiadm", TimeSpan.FromMilliseconds(300));
        await host.Iscsiadm("-m", "node", "-o", "new", "-T", Disk1, "-p", "127.0.0.1:3260");
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(TimeSpan.FromSeconds(60)).Build();

        var result = await pipeline.ExecuteAsync(ct => new ValueTask<CommandResult>(
            host.ExecuteAsync(new CommandSpec("iscsiadm", "-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "--login"), ct)));

        result.ExitCode.Should().Be(0);
        time.Elapsed.Should().Be(TimeSpan.FromMilliseconds(600));
    }

    [Fact]
    public async Task PollyRetry_BusyMapFlush_DelaysArePaidInVirtualTime()
    {
        var time = new SimulatedTimeProvider();
        var host = CaptureHost(time);
        await LoginDisk1(host, "127.0.0.1:3260", "127.0.0.2:3260");
        host.MakeMapBusy("mpatha", times: 2);
        var pipeline = new ResiliencePipelineBuilder<CommandResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<CommandResult>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.ExitCode == 1),
                Delay = TimeSpan.FromSeconds(2),
                BackoffType = DelayBackoffType.Constant,
                MaxRetryAttempts = 5,
                UseJitter = false,
            })
            .Build();
        var start = time.GetTimestamp();

        var result = await pipeline.ExecuteAsync(ct => new ValueTask<CommandResult>(host.ExecuteAsync(new CommandSpec("multipath", "-f", "mpatha"), ct)));

        result.ExitCode.Should().Be(0);
        time.GetElapsedTime(start).Should().Be(TimeSpan.FromSeconds(4));
        host.MultipathMaps.Should().BeEmpty();
    }
}
