using IscsiConnector.Readiness;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Tests.HostCheck;

public class EnsureReadyTests
{
    private readonly SimulatedTimeProvider _time = new(SimulatedTimeProvider.DefaultStart, autoAdvance: false);
    private readonly SimulatedIscsiHost _host;

    public EnsureReadyTests() => _host = new SimulatedIscsiHost(_time);

    [Fact]
    public async Task EnsureReadyAsync_HostNotReady_ThrowsListingEachProblemAndItsFix()
    {
        _host.IscsidRunning = false;
        _host.HasInitiatorNameFile = false;

        var act = () => HostCheckHarness.Create(_host, time: _time).EnsureReadyAsync(CancellationToken.None);

        var error = (await act.Should().ThrowAsync<HostNotReadyException>()).Which;
        error.Problems.Select(p => p.Requirement).Should().Equal(HostRequirement.Iscsid, HostRequirement.InitiatorName);
        error.Message.Should().StartWith("This host is not ready to attach iSCSI volumes, so no portal was tried: (1) iscsid is not running")
            .And.Contain("Fix: start iscsid").And.Contain("(2) this host has no initiator name");
    }

    [Fact]
    public async Task EnsureReadyAsync_PassingCheck_IsTrustedForThirtySeconds()
    {
        // Through a root helper the check starts a process (iscsiadm --version), which counts the checks.
        var check = HostCheckHarness.Create(_host, _host, rootHelper: ["sudo", "-n"], time: _time);

        await check.EnsureReadyAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(29));
        await check.EnsureReadyAsync(CancellationToken.None);
        _host.ProcessStartCount.Should().Be(1, "a burst of attaches checks once");

        _time.Advance(TimeSpan.FromSeconds(2));
        _host.IscsidRunning = false;
        var act = () => check.EnsureReadyAsync(CancellationToken.None);

        await act.Should().ThrowAsync<HostNotReadyException>("after the trust window a stopped iscsid is noticed");
    }

    [Fact]
    public async Task EnsureReadyAsync_FailedCheck_IsNotCached()
    {
        _host.IscsidRunning = false;
        var check = HostCheckHarness.Create(_host, time: _time);
        await check.Invoking(c => c.EnsureReadyAsync(CancellationToken.None)).Should().ThrowAsync<HostNotReadyException>();

        _host.IscsidRunning = true;

        await check.Invoking(c => c.EnsureReadyAsync(CancellationToken.None)).Should().NotThrowAsync("a fixed host works at once");
    }

    [Fact]
    public async Task EnsureReadyAsync_ConcurrentCallers_ShareOneCheck()
    {
        _host.WithLatency("iscsiadm", TimeSpan.FromMilliseconds(200));
        var check = HostCheckHarness.Create(_host, _host, rootHelper: ["sudo", "-n"], time: _time);

        var calls = Enumerable.Range(0, 8).Select(_ => check.EnsureReadyAsync(CancellationToken.None)).ToArray();
        _time.Advance(TimeSpan.FromMilliseconds(200));
        await Task.WhenAll(calls);

        _host.ProcessStartCount.Should().Be(1);
    }

    [Fact]
    public void HostNotReadyException_ReadyResult_IsRefused()
    {
        var act = () => new HostNotReadyException(new HostCheckResult([HostCheckItem.Ok(HostRequirement.Iscsid, "ok")], TimeSpan.Zero));

        act.Should().Throw<ArgumentException>();
    }
}
