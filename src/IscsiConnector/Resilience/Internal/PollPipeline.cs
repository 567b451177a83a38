using Polly;
using Polly.Retry;

namespace IscsiConnector.Resilience.Internal;

/// <summary>
/// Repeats a probe until it yields a value or a deadline on the injected clock passes, with exponential
/// backoff between probes (a Polly retry on a "pending" result).
/// </summary>
internal sealed class PollPipeline
{
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;

    public PollPipeline(TimeProvider time, TimeSpan firstDelay, TimeSpan maxDelay)
    {
        _time = time;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is null && args.Outcome.Result is IPollStep { IsPending: true }),
                MaxRetryAttempts = int.MaxValue,
                Delay = firstDelay,
                MaxDelay = maxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
            })
            .Build();
    }

    private interface IPollStep
    {
        bool IsPending { get; }
    }

    /// <summary>Runs <paramref name="probe"/> (given the attempt number and the elapsed time) until it returns non-null or <paramref name="timeout"/> elapses.</summary>
    /// <returns>The value, or <see langword="null"/> on timeout.</returns>
    public async Task<T?> UntilAsync<T>(Func<int, TimeSpan, CancellationToken, ValueTask<T?>> probe, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        var start = _time.GetTimestamp();
        var attempt = 0;
        var step = await _pipeline.ExecuteAsync(
            async token =>
            {
                var elapsed = _time.GetElapsedTime(start);
                var value = await probe(attempt++, elapsed, token).ConfigureAwait(false);
                return value is not null ? new Step<T>(value, false) : new Step<T>(null, _time.GetElapsedTime(start) < timeout);
            },
            cancellationToken).ConfigureAwait(false);
        return step.Value;
    }

    private sealed record Step<T>(T? Value, bool IsPending) : IPollStep
        where T : class;
}
