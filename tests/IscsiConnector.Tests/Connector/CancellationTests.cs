using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

public sealed class CancellationTests : IDisposable
{
    private readonly ConnectorFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ConnectVolumeAsync_CancelledAtLogin_LeavesNoSessionAndNoRecord()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        using var cts = new CancellationTokenSource();
        _f.Host.BeforeCommand = c =>
        {
            if (c.ArgumentValues.Contains("--login"))
            {
                cts.Cancel();
            }
        };

        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") }, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        _f.Host.Sessions.Should().BeEmpty();
        _f.Host.Nodes.Should().BeEmpty();
        _f.IscsiAdmOperations().Should().EndWith(["127.0.0.1:3260 --logout", "127.0.0.1:3260 -o delete"]);
    }

    [Fact]
    public async Task ConnectVolumeAsync_CancelledWhileWaitingForTheDisk_LogsOutAndDeletesTheRecord()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid, scansNeeded: int.MaxValue);
        using var cts = new CancellationTokenSource();
        _f.Host.AfterCommand = c =>
        {
            if (c.ArgumentValues.Contains("--login"))
            {
                cts.Cancel();
            }
        };

        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") }, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        _f.Host.Sessions.Should().BeEmpty();
        _f.Host.Nodes.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_MultipathCancelledAfterOnePathLoggedIn_UndoesEveryPath()
    {
        using var f = new ConnectorFixture(o => { o.UseMultipath = true; o.MaxParallelLogins = 1; });
        var target = f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        f.Host.Export(target, "127.0.0.2");
        using var cts = new CancellationTokenSource();
        f.Host.BeforeCommand = c =>
        {
            if (c.ArgumentValues.Contains("--login") && c.ArgumentValues.Contains("127.0.0.2:3260"))
            {
                cts.Cancel();
            }
        };
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] };

        var act = () => f.Connector.ConnectVolumeAsync(info, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        f.Host.Sessions.Should().BeEmpty();
        f.Host.Nodes.Should().BeEmpty();
        f.Host.Disks.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_CancelledReuseOfAnotherVolumesSession_KeepsThatSession()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid, scansNeeded: int.MaxValue).AddLun(2, "naa.60000000000000000e00000000010002");
        _f.Host.LoginDirectly("127.0.0.1", Iqn, scanLuns: 2);
        using var cts = new CancellationTokenSource();
        _f.Time.AutoAdvance = false;

        var attach = _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", 1) }, cts.Token);
        await cts.CancelAsync();
        _f.Time.Advance(TimeSpan.FromSeconds(1));
        var act = () => attach;

        await act.Should().ThrowAsync<OperationCanceledException>();
        _f.Host.Sessions.Should().ContainSingle();
        _f.Host.Disks.Keys.Should().Equal("sda");
        _f.Host.Nodes.Should().ContainSingle();
    }
}
