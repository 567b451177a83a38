using IscsiConnector.Internal;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace IscsiConnector.Resilience.Internal;

/// <summary>
/// The Polly pipelines of one connector, built once from its retry settings. Waits use the injected
/// <see cref="TimeProvider"/>, so tests advance a fake clock instead of sleeping. Deadlines are checked
/// against the same clock inside the poll loop rather than with a Polly timeout strategy, so a waiting
/// operation ends at a poll boundary instead of cancelling a command half way.
/// </summary>
internal sealed class ConnectorPipelines
{
    private static readonly TimeSpan MaxPollDelay = TimeSpan.FromSeconds(2);

    public ConnectorPipelines(RetrySettings settings, TimeProvider time, ILogger logger)
    {
        Time = time;
        Login = BuildRetry(time, logger, "login", settings.CommandRetries, settings.CommandRetryDelay, DelayBackoffType.Exponential, e => e is IscsiCommandException { IsTransient: true });
        // open-iscsi's node database is a directory tree that every iscsiadm walks: a record another process
        // deletes meanwhile makes it fail with exit 6 ("iface iter could not stat …", seen on the test bed with
        // eight concurrent detaches). Node commands are retried on transient codes like logins.
        NodeDatabase = BuildRetry(time, logger, "node database command", settings.CommandRetries, settings.CommandRetryDelay, DelayBackoffType.Exponential, e => e is IscsiCommandException { IsTransient: true });
        Flush = BuildRetry(time, logger, "flush", settings.FlushRetries, settings.FlushRetryDelay, DelayBackoffType.Constant, e => e is IscsiCommandException);
        DevicePoll = new PollPipeline(time, settings.DevicePollInterval, MaxPollDelay);
        LockPoll = new PollPipeline(time, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(500));
        SettlePoll = new PollPipeline(time, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Gets the clock all pipelines use.</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets the login retry: transient <c>iscsiadm</c> errors only (never timeouts or auth failures).</summary>
    public ResiliencePipeline Login { get; }

    /// <summary>Gets the retry for node record commands (create, update, logout, delete): transient <c>iscsiadm</c> errors only.</summary>
    public ResiliencePipeline NodeDatabase { get; }

    /// <summary>Gets the flush retry for <c>multipath -f</c> and <c>blockdev --flushbufs</c>.</summary>
    public ResiliencePipeline Flush { get; }

    /// <summary>Gets the poll loop for disks and device removal (exponential from the poll interval, at most 2 s).</summary>
    public PollPipeline DevicePoll { get; }

    /// <summary>Gets the poll loop for lock files (10 ms doubling to 500 ms).</summary>
    public PollPipeline LockPoll { get; }

    /// <summary>
    /// Gets the poll loop for what the host finishes after the attach's own work — udev's by-path link and
    /// multipathd's map holding every logged-in path (20 ms doubling to 100 ms): a look is a <c>stat</c> or a few
    /// directory listings, and the attach is done but for it, so a coarse interval would only add its overshoot (the
    /// bed benchmark measured 0.25–2 s of it per attach with the device poll's backoff, for the link and for the map).
    /// </summary>
    public PollPipeline SettlePoll { get; }

    private static ResiliencePipeline BuildRetry(TimeProvider time, ILogger logger, string operation, int retries, TimeSpan delay, DelayBackoffType backoff, Func<Exception, bool> handle)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && handle(e)),
                MaxRetryAttempts = retries,
                Delay = delay,
                BackoffType = backoff,
                UseJitter = false,
                OnRetry = args =>
                {
                    Log.RetryingCommand(logger, operation, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "no result");
                    return default;
                },
            });
        }

        return builder.Build();
    }
}
