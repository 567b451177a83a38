using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Reliability;

/// <summary>Issue 12, item 1: undoing a multipath attach must not log out a session another volume now uses.</summary>
public sealed class MultipathUndoTests
{
    private const string Wwid2 = "naa.60000000000000000e00000000010002";

    [Fact]
    public async Task ConnectVolumeAsync_RequireAllPathsUnmetWhileAnotherLunAttachedThroughTheSession_KeepsThatSession()
    {
        var hooks = default(CommandHooks);
        using var f = new ConnectorFixture(o => { o.UseMultipath = true; o.RequireAllPaths = true; o.MaxParallelLogins = 1; }, executor: e => hooks = new CommandHooks(e));
        f.Host.FindMultipaths = FindMultipathsMode.No;
        f.Host.AddTarget(Iqn, Lun(1, Wwid), Lun(2, Wwid2)).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260");
        f.Host.InjectFailure("iscsiadm", ["-m", "node", "-T", Iqn, "-p", "127.0.0.2:3260", "-I", "default", "--login"], 1, 24, "iscsiadm: Login failed to authenticate with target\n");

        // Another volume (LUN 2 of the same target) attaches through the first path's session while the second
        // path of the first volume is still logging in: the first path's lock is free by then.
        var other = f.Host.CreateConnector(new IscsiConnectorOptions());
        var otherInfo = new ConnectionInfo { Primary = PathOf("127.0.0.1", lun: 2) };
        VolumeAttachment? otherAttachment = null;
        var once = 0;
        hooks!.BeforeAsync = async command =>
        {
            if (command.ArgumentValues.Contains("127.0.0.2:3260") && command.ArgumentValues.Contains("--login") && Interlocked.Exchange(ref once, 1) == 0)
            {
                otherAttachment = await other.ConnectVolumeAsync(otherInfo);
            }
        };
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.2")] };

        await FluentActions.Awaiting(() => f.Connector.ConnectVolumeAsync(info)).Should().ThrowAsync<VolumeAttachException>();

        otherAttachment.Should().NotBeNull();
        var otherDisk = otherAttachment!.Path["/dev/".Length..];
        f.Host.Devices.Should().Contain(d => d.DiskName == otherDisk && d.Lun == 2, "the other volume's disk must survive the undo");
        f.Host.Sessions.Should().ContainSingle(s => s.Portal == "127.0.0.1:3260", "the session carries the other volume's LUN");
        f.Host.Devices.Should().NotContain(d => d.Lun == 1, "the undone volume's own disk is removed");
        await other.DisconnectVolumeAsync(otherInfo, otherAttachment);
        f.Host.Leaks().Should().BeEmpty();
    }
}
