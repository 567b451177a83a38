using IscsiConnector.Resilience.Internal;
using IscsiConnector.Testing;

namespace IscsiConnector.Tests.Resilience;

public sealed class PollPipelineTests
{
    private readonly SimulatedTimeProvider _time = new();

    [Fact]
    public async Task UntilAsync_ValueAppearsOnThirdProbe_ReturnsItAfterBackoff()
    {
        var poll = new PollPipeline(_time, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
        var start = _time.GetTimestamp();

        var value = await poll.UntilAsync<string>((attempt, _, _) => ValueTask.FromResult(attempt == 2 ? "found" : null), TimeSpan.FromSeconds(20), CancellationToken.None);

        value.Should().Be("found");
        _time.GetElapsedTime(start).Should().Be(TimeSpan.FromMilliseconds(250 + 500), "exponential: 250 ms then 500 ms");
    }

    [Fact]
    public async Task UntilAsync_NeverAppears_ReturnsNullAtTheDeadlineWithDelaysCapped()
    {
        var poll = new PollPipeline(_time, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
        var start = _time.GetTimestamp();
        var probes = 0;

        var value = await poll.UntilAsync<string>((_, _, _) => { probes++; return ValueTask.FromResult<string?>(null); }, TimeSpan.FromSeconds(20), CancellationToken.None);

        value.Should().BeNull();
        _time.GetElapsedTime(start).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(20)).And.BeLessThan(TimeSpan.FromSeconds(22));
        probes.Should().BeInRange(10, 16, "0.25+0.5+1+2+2… seconds");
    }

    [Fact]
    public async Task UntilAsync_Cancelled_Throws()
    {
        var poll = new PollPipeline(_time, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
        using var cts = new CancellationTokenSource();

        var act = () => poll.UntilAsync<string>((attempt, _, _) => { if (attempt == 1) { cts.Cancel(); } return ValueTask.FromResult<string?>(null); }, TimeSpan.FromSeconds(20), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
