using System.Net;
using IscsiConnector.Host;
using IscsiConnector.Locking.Internal;
using IscsiConnector.Resilience.Internal;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using Microsoft.Extensions.Logging.Abstractions;

namespace IscsiConnector.Tests.Locking;

/// <summary>The per-target lock across two lock holders ("processes"), on the real file system (flock) and on a simulated host (memory).</summary>
public sealed class TargetLocksTests : IDisposable
{
    private static readonly IscsiPortal Portal = new("127.0.0.1");
    private const string Iqn = "iqn.2024-01.test:disk1";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "iscsi-lock-tests-" + Guid.NewGuid().ToString("N"));
    private readonly SimulatedTimeProvider _time = new(SimulatedTimeProvider.DefaultStart, autoAdvance: true);
    private readonly IHostFileSystem _physical = new PhysicalHostFileSystem();

    private string Directory => Path.Combine(_root, "locks");

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_root))
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
    }

    private TargetLocks NewLocks(TimeSpan? timeout = null, IHostFileSystem? fileSystem = null, TimeProvider? time = null, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null) =>
        new(fileSystem ?? _physical, Directory, timeout ?? TimeSpan.FromSeconds(30), new PollPipeline(time ?? _time, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(500)), NullLogger.Instance, resolve);

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
        var time = new SimulatedTimeProvider(SimulatedTimeProvider.DefaultStart, autoAdvance: false);
        var first = NewLocks(time: time);
        var second = NewLocks(time: time);
        var held = await first.AcquireAsync(Portal, Iqn, CancellationToken.None);

        // The first probe runs synchronously inside AcquireAsync, fails, and arms a timer on the fake clock.
        var waiting = second.AcquireAsync(Portal, Iqn, CancellationToken.None);
        waiting.IsCompleted.Should().BeFalse();
        await held.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(1));

        await using var acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AcquireAsync_TwoInstancesOnOneSimulatedHost_ExcludeEachOtherInMemoryOnly()
    {
        var host = new SimulatedIscsiHost(_time);
        var first = NewLocks(fileSystem: host);
        var second = NewLocks(TimeSpan.FromSeconds(5), fileSystem: host);
        var held = await first.AcquireAsync(Portal, Iqn, CancellationToken.None);

        var act = () => second.AcquireAsync(Portal, Iqn, CancellationToken.None);

        await act.Should().ThrowAsync<TimeoutException>();
        host.HeldLocks.Should().ContainSingle().Which.Should().StartWith(Directory + "/");
        System.IO.Directory.Exists(_root).Should().BeFalse("a simulated host never touches the real file system");
        await held.DisposeAsync();
        host.HeldLocks.Should().BeEmpty();
        await using var again = await second.AcquireAsync(Portal, Iqn, CancellationToken.None);
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

    [Fact]
    public async Task AcquireAsync_HostNameAndItsAddress_ShareOneLock()
    {
        static Task<IPAddress[]> Resolve(string name, CancellationToken _) =>
            Task.FromResult(name == "array.example" ? new[] { IPAddress.Parse("127.0.0.1") } : []);
        var byName = NewLocks(resolve: Resolve);
        var byAddress = NewLocks(TimeSpan.FromSeconds(5), resolve: Resolve);
        await using var held = await byName.AcquireAsync(new IscsiPortal("array.example"), Iqn, CancellationToken.None);

        var act = () => byAddress.AcquireAsync(Portal, Iqn, CancellationToken.None);

        await act.Should().ThrowAsync<TimeoutException>("the name resolves to 127.0.0.1, so both name one lock");
    }

    [Theory]
    [InlineData("fd00::1", "fd00:0:0::1")]
    [InlineData("FD00::A", "fd00::a")]
    public async Task AcquireAsync_OneIpv6AddressSpelledTwoWays_SharesOneLock(string first, string second)
    {
        var a = NewLocks();
        var b = NewLocks(TimeSpan.FromSeconds(5));
        await using var held = await a.AcquireAsync(new IscsiPortal(first), Iqn, CancellationToken.None);

        var act = () => b.AcquireAsync(new IscsiPortal(second), Iqn, CancellationToken.None);

        await act.Should().ThrowAsync<TimeoutException>();
    }

    [Fact]
    public async Task AddressOfAsync_NameWithSeveralAddresses_TakesTheLowestIpv4WhateverTheResolverOrder()
    {
        IPAddress[] answer = [IPAddress.Parse("fd00::2"), IPAddress.Parse("10.0.0.9"), IPAddress.Parse("10.0.0.3")];
        var locks = NewLocks(resolve: (_, _) => Task.FromResult(answer));
        var reversed = NewLocks(resolve: (_, _) => Task.FromResult(answer.Reverse().ToArray()));

        (await locks.AddressOfAsync("array.example", CancellationToken.None)).Should().Be("10.0.0.3");
        (await reversed.AddressOfAsync("array.example", CancellationToken.None)).Should().Be("10.0.0.3");
    }

    [Fact]
    public async Task AddressOfAsync_UnresolvableName_KeysByTheNameInLowerCase()
    {
        var locks = NewLocks(resolve: (_, _) => Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException(11001)));

        (await locks.AddressOfAsync("Array.Example", CancellationToken.None)).Should().Be("array.example");
    }

    [Theory]
    [InlineData("127.0.0.1", "iqn.2024-01.test:disk1")]
    [InlineData("fd00::1", "iqn.2024-01.test:disk1")]
    [InlineData("127.0.0.1", "iqn.2024-01.test:../../etc/passwd")]
    public void KeyOf_AnyTarget_IsASafeFileName(string host, string iqn)
    {
        var key = TargetLocks.KeyOf(host, 3260, iqn);

        key.Should().NotContain("/").And.NotStartWith("-").And.EndWith(".lock");
        key.Should().MatchRegex("^[A-Za-z0-9._-]+$");
    }
}
