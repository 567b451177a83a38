using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

/// <summary>A cancelled attach undoes what it created (sessions, records, disks) and nothing else.</summary>
public sealed class CancellationTests : IDisposable
{
    private static readonly ConnectionInfo Single = Info("""{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1}""");
    private readonly CommandHooks _hooks;
    private readonly ConnectorFixture _f;

    public CancellationTests()
    {
        CommandHooks? hooks = null;
        _f = new ConnectorFixture(executor: host => hooks = new CommandHooks(host));
        _hooks = hooks!;
    }

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ConnectVolumeAsync_CancelledAtLogin_LeavesNoSessionAndNoRecord()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        using var cts = new CancellationTokenSource();
        _hooks.Before = c =>
        {
            if (c.ArgumentValues.Contains("--login"))
            {
                cts.Cancel();
            }
        };

        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") }, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        _f.Host.Leaks().Should().BeEmpty();
        _f.IscsiAdmOperations().Should().EndWith(["127.0.0.1:3260 --logout", "127.0.0.1:3260 -o delete"]);
    }

    [Fact]
    public async Task ConnectVolumeAsync_CancelledDuringBlackholedLogin_NoSessionNoRecord()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Blackholed);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2), _f.Time);

        var act = () => _f.Connector.ConnectVolumeAsync(Single, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        _f.Count("iscsiadm", "--login").Should().Be(1, "the cancel came while the login was pending");
        _f.Time.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "cancelled before the 5 s login timeout");
        _f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_CancelledWhileWaitingForTheDisk_LogsOutAndDeletesTheRecord()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").MissScans(Iqn, 1, int.MaxValue);
        using var cts = new CancellationTokenSource();
        _hooks.After = c =>
        {
            if (c.ArgumentValues.Contains("--login"))
            {
                cts.Cancel();
            }
        };

        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") }, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        _f.Count("iscsiadm", "--logout").Should().Be(1, "the session opened by the cancelled attach is closed");
        _f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_CancelledWhileTheKernelStillScans_LogsOutAndTheDiskGoesWithTheSession()
    {
        // The LUN scan finds the disk only after 60 s (the kernel is slow), so the connector polls for it.
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").WithAsyncDelays(scan: TimeSpan.FromSeconds(60), udev: TimeSpan.Zero, multipathMap: TimeSpan.Zero);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3), _f.Time);

        var act = () => _f.Connector.ConnectVolumeAsync(Single, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        _f.Count("iscsiadm", "--login").Should().Be(1);
        _f.Count("iscsiadm", "--logout").Should().Be(1, "the session opened by the cancelled attach is closed");
        _f.Host.Leaks().Should().BeEmpty("the disk still being scanned went with its session");
    }

    [Fact]
    public async Task ConnectVolumeAsync_MultipathCancelledAfterOnePathLoggedIn_UndoesEveryPath()
    {
        CommandHooks? hooks = null;
        using var f = new ConnectorFixture(o => { o.UseMultipath = true; o.MaxParallelLogins = 1; }, executor: host => hooks = new CommandHooks(host));
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260");
        using var cts = new CancellationTokenSource();
        hooks!.Before = c =>
        {
            if (c.ArgumentValues.Contains("--login") && c.ArgumentValues.Contains("127.0.0.2:3260"))
            {
                cts.Cancel();
            }
        };
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] };

        var act = () => f.Connector.ConnectVolumeAsync(info, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        f.Host.Leaks().Should().BeEmpty("sessions, records, disks and any map are undone");
    }

    [Fact]
    public async Task ConnectVolumeAsync_CancelledReuseOfAnotherVolumesSession_KeepsThatSession()
    {
        var time = new SimulatedTimeProvider(SimulatedTimeProvider.DefaultStart, autoAdvance: false);
        var host = new SimulatedIscsiHost(time).AddTarget(Iqn, Lun(1, Wwid), Lun(2, "naa.60000000000000000e00000000010002")).AddPortal("127.0.0.1:3260").MissScans(Iqn, 1, int.MaxValue);
        var connector = host.CreateConnector();
        string[] node = ["-m", "node", "-T", Iqn, "-p", "127.0.0.1:3260"];
        await host.ExecuteAsync(new IscsiConnector.Execution.CommandSpec("iscsiadm", [.. node, "-o", "new"]));
        await host.ExecuteAsync(new IscsiConnector.Execution.CommandSpec("iscsiadm", [.. node, "-o", "update", "-n", "node.session.scan", "-v", "manual"]));
        await host.ExecuteAsync(new IscsiConnector.Execution.CommandSpec("iscsiadm", [.. node, "--login"]));
        host.WriteAllText($"/sys/class/scsi_host/host{host.Sessions.Single().HostNumber}/scan", "0 0 2");
        using var cts = new CancellationTokenSource();

        var attach = connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", 1) }, cts.Token);
        await cts.CancelAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        var act = () => attach;

        await act.Should().ThrowAsync<OperationCanceledException>();
        host.Sessions.Should().ContainSingle();
        host.Devices.Where(d => d.DiskName is not null).Select(d => d.DiskName).Should().Equal("sda");
        host.NodeRecords.Should().ContainSingle();
        host.HeldLocks.Should().BeEmpty();
    }
}
