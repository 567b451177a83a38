using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

public sealed class MultipathAttachTests : IDisposable
{
    private readonly ConnectorFixture _f = new(o => o.UseMultipath = true);

    public void Dispose() => _f.Dispose();

    private static ConnectionInfo TwoPortals(string iqn2 = Iqn, int lun2 = 1) => new()
    {
        Primary = PathOf("127.0.0.1"),
        Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2", lun2, iqn2)],
    };

    [Fact]
    public async Task ConnectVolumeAsync_AllPathsUp_ReturnsTheMapWithEveryPath()
    {
        var target = _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        _f.Host.Export(target, "127.0.0.2");

        var attachment = await _f.Connector.ConnectVolumeAsync(TwoPortals());

        attachment.Path.Should().Be("/dev/dm-0");
        attachment.MultipathId.Should().Be(UdevWwn);
        attachment.MultipathName.Should().Be("mpatha");
        attachment.ByPath.Should().BeNull();
        attachment.Devices.Select(d => d.Name).Should().BeEquivalentTo("sda", "sdb");
        attachment.Portals.Should().OnlyContain(p => p.Outcome == LoginOutcome.LoggedIn);
        attachment.ToDictionary().Should().Contain("multipath_id", UdevWwn);
        _f.Host.CountOf("iscsiadm").Should().Be(6, "three per portal");
        _f.Host.Commands.Where(c => c.FileName == "multipathd").Select(c => c.ToDisplayString())
            .Should().BeEquivalentTo("multipathd add path /dev/sda", "multipathd add path /dev/sdb");
        _f.Host.Commands.Should().HaveCount(8);
    }

    [Fact]
    public async Task ConnectVolumeAsync_MultipathdBuildsTheMapItself_NeedsNoHint()
    {
        _f.Host.AutoMultipath = true;
        var target = _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        _f.Host.Export(target, "127.0.0.2");

        var attachment = await _f.Connector.ConnectVolumeAsync(TwoPortals());

        attachment.Path.Should().Be("/dev/dm-0");
        _f.Host.CountOf("multipathd").Should().Be(0);
    }

    [Fact]
    public async Task ConnectVolumeAsync_OnePathDead_ReturnsTheMapAndReportsTheDeadPath()
    {
        var target = _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        _f.Host.Export(target, "127.0.0.2");
        _f.Host.Portal("127.0.0.2").State = MiniPortalState.Blackholed;

        var attachment = await _f.Connector.ConnectVolumeAsync(TwoPortals());

        attachment.Path.Should().Be("/dev/dm-0");
        attachment.Devices.Should().ContainSingle();
        attachment.Portals.Select(p => p.Outcome).Should().Equal(LoginOutcome.LoggedIn, LoginOutcome.Failed);
        _f.Host.Nodes.Keys.Should().Equal([("127.0.0.1", 3260, Iqn)], "the dead path's record is removed");
    }

    [Fact]
    public async Task ConnectVolumeAsync_RequireAllPathsAndOnePathDead_FailsAndLeavesNothing()
    {
        using var f = new ConnectorFixture(o => { o.UseMultipath = true; o.RequireAllPaths = true; });
        var target = f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        f.Host.Export(target, "127.0.0.2");
        f.Host.Portal("127.0.0.2").State = MiniPortalState.Refused;

        var act = () => f.Connector.ConnectVolumeAsync(TwoPortals());

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Message.Should().Contain("RequireAllPaths");
        f.Host.Sessions.Should().BeEmpty();
        f.Host.Nodes.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_NoPathUp_ThrowsWithEveryOutcomeAndLeavesNothing()
    {
        _f.Host.Portal("127.0.0.1").State = MiniPortalState.Refused;
        _f.Host.Portal("127.0.0.2").State = MiniPortalState.Blackholed;

        var act = () => _f.Connector.ConnectVolumeAsync(TwoPortals());

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Portals.Should().HaveCount(2).And.OnlyContain(p => p.Outcome == LoginOutcome.Failed);
        _f.Host.Nodes.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_NoMapAppears_ReturnsTheFirstPathDeviceAndWarns()
    {
        _f.Host.MultipathdRunning = false;
        var target = _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        _f.Host.Export(target, "127.0.0.2");

        var attachment = await _f.Connector.ConnectVolumeAsync(TwoPortals());

        attachment.Path.Should().Be("/dev/sda");
        attachment.MultipathId.Should().BeNull();
        _f.Logs.Events.Should().Contain(e => e.Id.Id == IscsiEventIds.MultipathMissing);
    }

    [Fact]
    public async Task ConnectVolumeAsync_DifferentIqnAndLunPerPortal_Works()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        _f.Host.AddTarget("127.0.0.2", "iqn.2024-01.test:other").AddLun(5, Wwid);

        var attachment = await _f.Connector.ConnectVolumeAsync(TwoPortals("iqn.2024-01.test:other", 5));

        attachment.Path.Should().Be("/dev/dm-0");
        attachment.Devices.Select(d => (d.Path.Iqn, d.Address.Lun)).Should().BeEquivalentTo([(Iqn, 1), ("iqn.2024-01.test:other", 5)]);
    }

    [Fact]
    public async Task ConnectVolumeAsync_PathWithAnotherWwn_IsReportedAndNotUsed()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        _f.Host.AddTarget("127.0.0.2", Iqn).AddLun(1, "naa.60000000000000000e0000000001ffff");

        var attachment = await _f.Connector.ConnectVolumeAsync(TwoPortals());

        attachment.Devices.Should().ContainSingle().Which.Name.Should().Be("sda");
        attachment.Portals[1].Failure.Should().Be(PortalFailureKind.WwnMismatch);
        _f.Host.SessionFor("127.0.0.2", Iqn).Should().BeNull("the mismatching session is logged out again");
    }

    [Fact]
    public async Task ConnectVolumeAsync_ManyPortals_NeverExceedsMaxParallelLogins()
    {
        using var f = new ConnectorFixture(o => { o.UseMultipath = true; o.MaxParallelLogins = 2; });
        var target = f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        var paths = new List<IscsiPath> { PathOf("127.0.0.1") };
        for (var i = 2; i <= 5; i++)
        {
            f.Host.Export(target, $"127.0.0.{i}");
            paths.Add(PathOf($"127.0.0.{i}"));
        }

        // Logins meet in pairs: each waits until a second one is running (or it is the last), so that the
        // test sees real overlap without sleeping, and a broken bound would show as more than two at once.
        var gate = new object();
        var pending = new List<TaskCompletionSource>();
        int started = 0, running = 0, peak = 0;
        f.Host.BeforeCommandAsync = c =>
        {
            if (!c.ArgumentValues.Contains("--login"))
            {
                return Task.CompletedTask;
            }

            lock (gate)
            {
                started++;
                running++;
                peak = Math.Max(peak, running);
                if (running >= 2 || started == paths.Count)
                {
                    pending.ForEach(t => t.TrySetResult());
                    pending.Clear();
                    return Task.CompletedTask;
                }

                var wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                pending.Add(wait);
                return wait.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        };
        f.Host.AfterCommand = c =>
        {
            if (c.ArgumentValues.Contains("--login"))
            {
                lock (gate)
                {
                    running--;
                }
            }
        };

        var attachment = await f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = paths[0], Portals = paths });

        attachment.Devices.Should().HaveCount(5);
        peak.Should().Be(2, "two logins overlap and never more");
    }

    [Fact]
    public async Task ConnectVolumeAsync_SinglePortalAndTargetReportsAnother_DiscoversAndLogsIntoBoth()
    {
        var target = _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        _f.Host.Export(target, "127.0.0.2");
        _f.Host.Portal("127.0.0.1").AlsoReports.Add(("127.0.0.2", 3260));

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Devices.Should().HaveCount(2);
        attachment.Path.Should().Be("/dev/dm-0");
        _f.IscsiAdmOperations().Should().StartWith(["127.0.0.1:3260 -o new", "127.0.0.1:3260 -o update", "127.0.0.1:3260 --discover"]);
        _f.IscsiAdmOperations().Should().NotContain(o => o.StartsWith("127.0.0.2:3260 -o new", StringComparison.Ordinal), "discovery created that record already");
        _f.Host.DiscoverySettings[(("127.0.0.1", 3260), "discovery.sendtargets.timeo.login_timeout")].Should().Be("5");
    }

    [Fact]
    public async Task ConnectVolumeAsync_SinglePortalAndTgtdAnswersOnlyItself_AttachesOnePath()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Devices.Should().ContainSingle();
        attachment.Path.Should().Be("/dev/dm-0", "multipathd is hinted and makes a one-path map");
    }

    [Fact]
    public async Task ConnectVolumeAsync_DiscoveryFailsButLoginWorks_AttachesTheGivenPortal()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        _f.Host.Portal("127.0.0.1").DiscoveryChap = ("disc-user", "disc-secret");

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Devices.Should().ContainSingle();
    }

    [Fact]
    public async Task ConnectVolumeAsync_DiscoveryChap_GoesThroughDiscoverydbWithTheSecretMasked()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        _f.Host.Portal("127.0.0.1").DiscoveryChap = ("disc-user", "disc-secret-1");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), DiscoveryChap = new ChapCredentials("disc-user", "disc-secret-1") };

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        attachment.Devices.Should().ContainSingle();
        var update = _f.Host.Commands.Single(c => c.ArgumentValues.Contains("discoverydb") && c.ArgumentValues.Contains("update"));
        update.Arguments.Should().Contain(a => a.Value == "disc-secret-1" && a.IsSecret);
        update.ToDisplayString().Should().NotContain("disc-secret-1");
        _f.Logs.AllText.Should().NotContain("disc-secret-1");
    }

    [Fact]
    public async Task ConnectVolumeAsync_EnforceMultipathWithoutMultipathd_FailsBeforeAnyLogin()
    {
        using var f = new ConnectorFixture(o => { o.UseMultipath = true; o.EnforceMultipath = true; });
        f.Host.MultipathdRunning = false;

        var act = () => f.Connector.ConnectVolumeAsync(TwoPortals());

        (await act.Should().ThrowAsync<VolumeAttachException>()).Which.Message.Should().Contain("multipathd is not running");
        f.Host.Commands.Should().ContainSingle().Which.FileName.Should().Be("multipathd");
    }
}
