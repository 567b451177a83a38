using IscsiConnector.Locking.Internal;
using IscsiConnector.Resilience.Internal;
using IscsiConnector.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IscsiConnector.Tests.Locking;

public sealed class TargetLocksTests : IDisposable
{
    private static readonly IscsiPortal Portal = new("127.0.0.1");
    private const string Iqn = "iqn.2024-01.test:disk1";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "iscsi-lock-tests", Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private TargetLocks NewLocks(TimeSpan? timeout = null) =>
        new(_directory, timeout ?? TimeSpan.FromSeconds(30), new PollPipeline(_time, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(500)), NullLogger.Instance);

    [Fact]
    public async Task AcquireAsync_FileHeldByAnotherInstance_TimesOutOnTheFakeClock()
    {
        var first = NewLocks();
        var second = NewLocks(TimeSpan.FromSeconds(5));
        await using var held = await first.AcquireAsync(Portal, Iqn, CancellationToken.None);

        var act = () => second.AcquireAsync(Portal, Iqn, CancellationToken.None);

        (await act.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("127.0.0.1:3260");
        _time.GetUtcNow().Should().BeOnOrAfter(new DateTimeOffset(2026, 1, 1, 0, 0, 5, TimeSpan.Zero));
    }

    [Fact]
    public async Task AcquireAsync_FileReleasedByAnotherInstance_IsAcquiredOnTheNextPoll()
    {
        _time.AutoAdvance = false;
        var first = NewLocks();
        var second = NewLocks();
        var held = await first.AcquireAsync(Portal, Iqn, CancellationToken.None);

        // The first probe runs synchronously inside AcquireAsync, fails, and arms a timer on the fake clock.
        var waiting = second.AcquireAsync(Portal, Iqn, CancellationToken.None);
        waiting.IsCompleted.Should().BeFalse();
        await held.DisposeAsync();
        _time.Advance(TimeSpan.FromSeconds(1));

        await using var acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AcquireAsync_SameInstanceSameTarget_WaitsInProcessUntilReleased()
    {
        var locks = NewLocks();
        var held = await locks.AcquireAsync(Portal, Iqn, CancellationToken.None);

        var waiting = locks.AcquireAsync(Portal, Iqn, CancellationToken.None);
        waiting.IsCompleted.Should().BeFalse();
        await held.DisposeAsync();

        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AcquireAsync_DifferentTargets_DoNotBlockEachOther()
    {
        var locks = NewLocks();
        await using var a = await locks.AcquireAsync(Portal, Iqn, CancellationToken.None);

        var other = locks.AcquireAsync(Portal, "iqn.2024-01.test:disk2", CancellationToken.None);

        other.IsCompletedSuccessfully.Should().BeTrue();
        await (await other).DisposeAsync();
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndLeavesTheLockUsable()
    {
        var locks = NewLocks();
        var held = await locks.AcquireAsync(Portal, Iqn, CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var waiting = locks.AcquireAsync(Portal, Iqn, cts.Token);
        await cts.CancelAsync();

        await waiting.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        await held.DisposeAsync();
        await using var again = await locks.AcquireAsync(Portal, Iqn, CancellationToken.None);
    }

    [Theory]
    [InlineData("127.0.0.1", "iqn.2024-01.test:disk1")]
    [InlineData("fd00::1", "iqn.2024-01.test:disk1")]
    [InlineData("127.0.0.1", "iqn.2024-01.test:../../etc/passwd")]
    public void KeyOf_AnyTarget_IsASafeFileName(string host, string iqn)
    {
        var key = TargetLocks.KeyOf(new IscsiPortal(host), iqn);

        key.Should().NotContain("/").And.NotStartWith("-").And.EndWith(".lock");
        key.Should().MatchRegex("^[A-Za-z0-9._-]+$");
    }
}
