using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Reliability;

/// <summary>
/// Issue 12, item 9: an attach undoes what it did whatever the failure — not only for a few exception types — and a
/// lock that cannot be taken while undoing one path does not stop the other paths from being undone.
/// </summary>
public sealed class UndoCompletenessTests
{
    private static string[] LoginOf(string portal) => ["-m", "node", "-T", Iqn, "-p", portal, "-I", "default", "--login"];

    [Fact]
    public async Task ConnectVolumeAsync_UnexpectedErrorAfterTheLogin_UndoesTheSessionAndRecord()
    {
        var hooks = default(CommandHooks);
        using var f = new ConnectorFixture(executor: e => hooks = new CommandHooks(e));
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        hooks!.After = command =>
        {
            if (command.ArgumentValues.Contains("--login"))
            {
                throw new InvalidOperationException("a failure of a kind the connector does not expect");
            }
        };

        await FluentActions.Awaiting(() => f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") })).Should().ThrowAsync<Exception>();

        f.Host.Leaks().Should().BeEmpty("the session and record this attach created are undone whatever went wrong");
    }

    [Fact]
    public async Task ConnectVolumeAsync_MultipathUnexpectedErrorOnOnePath_UndoesTheOthers()
    {
        var hooks = default(CommandHooks);
        using var f = new ConnectorFixture(o => { o.UseMultipath = true; o.MaxParallelLogins = 1; }, executor: e => hooks = new CommandHooks(e));
        f.Host.FindMultipaths = FindMultipathsMode.No;
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260");
        hooks!.Before = command =>
        {
            if (command.ArgumentValues.Contains("127.0.0.2:3260") && command.ArgumentValues.Contains("--login"))
            {
                throw new InvalidOperationException("a failure of a kind the connector does not expect");
            }
        };
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] };

        await FluentActions.Awaiting(() => f.Connector.ConnectVolumeAsync(info)).Should().ThrowAsync<Exception>();

        f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_LockTimeoutWhileUndoingOnePath_StillUndoesTheOthers()
    {
        var hooks = default(CommandHooks);
        using var f = new ConnectorFixture(
            o => { o.UseMultipath = true; o.RequireAllPaths = true; o.MaxParallelLogins = 1; o.LockTimeout = TimeSpan.FromSeconds(2); },
            executor: e => hooks = new CommandHooks(e));
        f.Host.FindMultipaths = FindMultipathsMode.No;
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260").AddPortal("127.0.0.3:3260");
        f.Host.InjectFailure("iscsiadm", LoginOf("127.0.0.3:3260"), 1, 24, "iscsiadm: Login failed to authenticate with target\n");
        string? firstLock = null;
        IDisposable? heldByOther = null;
        hooks!.Before = command =>
        {
            if (!command.ArgumentValues.Contains("--login"))
            {
                return;
            }

            if (command.ArgumentValues.Contains("127.0.0.1:3260"))
            {
                firstLock = f.Host.HeldLocks.Single();
            }
            else if (command.ArgumentValues.Contains("127.0.0.3:3260"))
            {
                // Another process takes the first path's lock and keeps it past the undo's lock timeout.
                heldByOther = f.Host.TryAcquireLock(firstLock!);
            }
        };
        var info = new ConnectionInfo
        {
            Primary = PathOf("127.0.0.1"),
            Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2"), PathOf("127.0.0.3")],
        };

        var error = (await FluentActions.Awaiting(() => f.Connector.ConnectVolumeAsync(info)).Should().ThrowAsync<VolumeAttachException>()).Which;
        heldByOther.Should().NotBeNull();
        heldByOther!.Dispose();

        f.Host.Sessions.Should().NotContain(s => s.Portal == "127.0.0.2:3260", "the second path is undone although the first path's lock timed out");
        f.Host.NodeRecords.Should().NotContain(r => r.Portal == "127.0.0.2:3260");
        error.Message.Should().Contain("127.0.0.1:3260", "the path that could not be undone is named");
    }
}
