using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Reliability;

/// <summary>
/// Issue 12, "extend under the target lock, and multipath resize with os-brick's retry": <c>multipathd resize map</c>
/// answering "timeout" (a reconfigure in progress) is retried, "fail" on standard output is a failure even with exit 0,
/// and the rescans and the resize run with the volume's target locks held.
/// </summary>
public sealed class ExtendTests
{
    private static ConnectionInfo AttachableOnTwoPortals(ConnectorFixture f)
    {
        f.Host.FindMultipaths = FindMultipathsMode.Strict;
        f.Host.AddTarget(Iqn, Lun(1, Wwid)).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260");
        return new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] };
    }

    [Fact]
    public async Task ExtendVolumeAsync_ResizeAnswersTimeout_RetriesUntilItWorks()
    {
        using var f = new ConnectorFixture(o => o.UseMultipath = true);
        var info = AttachableOnTwoPortals(f);
        await f.Connector.ConnectVolumeAsync(info);
        f.Host.ResizeLun(Iqn, 1, 2L << 30);
        f.Host.InjectFailure("multipathd", ["resize", "map"], times: 2, exitCode: 1, standardOutput: "timeout\n");
        f.Host.ClearInvocations();

        var size = await f.Connector.ExtendVolumeAsync(info);

        size.Should().Be(2L << 30);
        f.Commands.Select(c => c.ToDisplayString()).Should().Equal(Enumerable.Repeat("multipathd resize map mpatha", 3));
    }

    [Fact]
    public async Task ExtendVolumeAsync_ResizeSaysFailWithExitZero_Throws()
    {
        using var f = new ConnectorFixture(o => o.UseMultipath = true);
        var info = AttachableOnTwoPortals(f);
        await f.Connector.ConnectVolumeAsync(info);
        f.Host.InjectFailure("multipathd", ["resize", "map"], times: 1, exitCode: 0, standardOutput: "fail\n");

        var act = () => f.Connector.ExtendVolumeAsync(info);

        (await act.Should().ThrowAsync<IscsiCommandException>()).Which.Message.Should().Contain("multipathd resize map mpatha").And.Contain("fail");
    }

    [Fact]
    public async Task ExtendVolumeAsync_HoldsEveryTargetLockOfTheVolumeWhileResizing()
    {
        var hooks = default(CommandHooks);
        using var f = new ConnectorFixture(o => o.UseMultipath = true, executor: e => hooks = new CommandHooks(e));
        var info = AttachableOnTwoPortals(f);
        await f.Connector.ConnectVolumeAsync(info);
        var heldDuringResize = -1;
        hooks!.Before = c => heldDuringResize = c.FileName == "multipathd" && c.ArgumentValues.Contains("resize") ? f.Host.HeldLocks.Count : heldDuringResize;

        await f.Connector.ExtendVolumeAsync(info);

        heldDuringResize.Should().Be(2, "one lock per (portal, target) of the volume");
        f.Host.HeldLocks.Should().BeEmpty();
    }
}
