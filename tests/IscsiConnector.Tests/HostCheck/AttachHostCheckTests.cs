using IscsiConnector.Readiness;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.HostCheck;

/// <summary>The host check in front of an attach (on by default): once per connector for a while, and a host that is not
/// ready fails at once, before any node record or login.</summary>
public sealed class AttachHostCheckTests : IDisposable
{
    private readonly ConnectorFixture _f = new(o => o.CheckHostBeforeAttach = true);

    public void Dispose() => _f.Dispose();

    private static ConnectionInfo ThreePortals() => new()
    {
        Primary = PathOf("127.0.0.1"),
        Alternatives = [PathOf("127.0.0.2"), PathOf("127.0.0.3")],
    };

    [Fact]
    public void Defaults_CheckHostBeforeAttach_IsOn() => new IscsiConnectorOptions().CheckHostBeforeAttach.Should().BeTrue();

    [Fact]
    public async Task ConnectVolumeAsync_ReadyHost_ChecksOnceThenAttaches()
    {
        _f.Host.AddTarget(Iqn, Lun(1, Wwid)).AddPortal("127.0.0.1:3260", targetIqns: Iqn);

        await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });
        await _f.Connector.DisconnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });
        await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        var events = _f.Logs.Events.Select(e => e.Id.Id).ToList();
        events.Count(id => id == IscsiEventIds.HostChecked).Should().Be(1, "a passing check is trusted for 30 s");
        events.IndexOf(IscsiEventIds.HostChecked).Should().BeLessThan(events.IndexOf(IscsiEventIds.AttachStarting), "the check comes before the attach's first step");
        _f.Host.Invocations[0].ToString().Should().EndWith("-o new", "running as root, the check starts no process: the first one is the record's");
    }

    public static TheoryData<string, Action<SimulatedIscsiHost>, HostRequirement> BrokenHosts => new()
    {
        { "iscsid stopped", h => h.IscsidRunning = false, HostRequirement.Iscsid },
        { "iscsiadm absent", h => h.IscsiAdmInstalled = false, HostRequirement.IscsiAdm },
        { "no initiator name", h => h.HasInitiatorNameFile = false, HostRequirement.InitiatorName },
    };

    [Theory]
    [MemberData(nameof(BrokenHosts))]
    public async Task ConnectVolumeAsync_HostNotReady_FailsAtOnceWithoutTouchingAPortal(string what, Action<SimulatedIscsiHost> breakHost, HostRequirement missing)
    {
        _f.Host.AddTarget(Iqn, Lun(1, Wwid)).AddPortal("127.0.0.1:3260", targetIqns: Iqn).AddPortal("127.0.0.2:3260", targetIqns: Iqn).AddPortal("127.0.0.3:3260", targetIqns: Iqn);
        breakHost(_f.Host);
        var started = _f.Time.GetTimestamp();

        var act = () => _f.Connector.ConnectVolumeAsync(ThreePortals());

        var error = (await act.Should().ThrowAsync<HostNotReadyException>(what)).Which;
        error.Problems.Select(p => p.Requirement).Should().Equal(missing);
        _f.Time.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(1), "no portal was tried, so no login timeout was paid");
        _f.Host.NodeRecords.Should().BeEmpty("no node record was created");
        _f.Host.Invocations.Where(c => c.Command.ArgumentValues.Contains("node")).Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_MultipathWithMultipathdStopped_FailsWithTheHostCheckError()
    {
        using var f = new ConnectorFixture(o => { o.CheckHostBeforeAttach = true; o.UseMultipath = true; });
        f.Host.AddTarget(Iqn, Lun(1, Wwid)).AddPortal("127.0.0.1:3260", targetIqns: Iqn).AddPortal("127.0.0.2:3260", targetIqns: Iqn);
        f.Host.MultipathdRunning = false;

        var act = () => f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] });

        (await act.Should().ThrowAsync<HostNotReadyException>()).Which.Problems.Should().ContainSingle().Which.Requirement.Should().Be(HostRequirement.Multipathd);
        f.Host.NodeRecords.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_IscsidStoppedWithCheckOff_EveryPortalFailsSlowlyInstead()
    {
        // What the check prevents (issue 13): without it a host without iscsid looks like a dead array.
        using var f = new ConnectorFixture();
        f.Host.AddTarget(Iqn, Lun(1, Wwid)).AddPortal("127.0.0.1:3260", targetIqns: Iqn).AddPortal("127.0.0.2:3260", targetIqns: Iqn);
        f.Host.IscsidRunning = false;

        var act = () => f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] });

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Portals.Should().HaveCount(2).And.OnlyContain(p => p.Outcome == LoginOutcome.Failed);
    }
}
