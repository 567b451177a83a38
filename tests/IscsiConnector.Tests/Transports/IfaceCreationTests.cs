using IscsiConnector.Execution;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Transports.Support;
using IscsiConnector.Transports;

using static IscsiConnector.Tests.Transports.Support.TransportFixture;

namespace IscsiConnector.Tests.Transports;

/// <summary>Creating an iface from spec 004's 3-tuple: one new, one update, idempotent, never touching a user's iface.</summary>
public sealed class IfaceCreationTests
{
    private const string Mac = "00:07:43:aa:bb:cc";
    private const string Name = "cxgb4i." + Mac;
    private readonly SimulatedIscsiHost _db = new();

    private static IscsiIfaceDefinition Cxgb4 => new("cxgb4i", Mac) { IpAddress = "192.0.2.10" };

    [Fact]
    public async Task EnsureAsync_Missing_RunsNewThenOneUpdateWithEveryFieldThenShow()
    {
        var definition = Cxgb4 with { NetInterfaceName = "eth2", InitiatorName = "iqn.2024-01.test:host1" };

        var result = await Manager().EnsureAsync(definition);

        result.Created.Should().BeTrue();
        result.Iface.Name.Should().Be(Name);
        result.Iface.HardwareAddress.Should().Be(Mac);
        result.Iface.IpAddress.Should().Be("192.0.2.10");
        result.Iface.NetInterfaceName.Should().Be("eth2");
        result.Iface.InitiatorName.Should().Be("iqn.2024-01.test:host1");
        Rendered().Should().Equal(
            $"-m iface -I {Name} -o show",
            $"-m iface -I {Name} -o new",
            $"-m iface -I {Name} -o update -n iface.transport_name -v cxgb4i -n iface.hwaddress -v {Mac} -n iface.ipaddress -v 192.0.2.10 -n iface.net_ifacename -v eth2 -n iface.initiatorname -v iqn.2024-01.test:host1",
            $"-m iface -I {Name} -o show");
    }

    [Fact]
    public async Task EnsureAsync_HardwareAndNetInterface_SucceedsBecauseBothAreSetInOneUpdate()
    {
        // iscsiadm refuses net_ifacename on an iface already bound by hwaddress: two updates would fail here.
        var result = await Manager().EnsureAsync(new IscsiIfaceDefinition("tcp", "52:54:00:12:34:56") { NetInterfaceName = "eth0" });

        result.Iface.NetInterfaceName.Should().Be("eth0");
        IfaceCommandsOf(_db).Count(c => c.ArgumentValues.Contains("update")).Should().Be(1);
    }

    [Fact]
    public async Task EnsureAsync_CalledTwice_CreatesOnceAndReusesAfterwards()
    {
        var manager = Manager();
        (await manager.EnsureAsync(Cxgb4)).Created.Should().BeTrue();
        var writesAfterFirst = Writes();

        var second = await manager.EnsureAsync(Cxgb4 with { HardwareAddress = Mac.ToUpperInvariant(), Name = Name });

        second.Created.Should().BeFalse();
        second.Iface.Name.Should().Be(Name);
        Writes().Should().Be(writesAfterFirst, "an identical iface is reused without new, update or delete");
    }

    [Fact]
    public async Task EnsureAsync_UserIfaceMatchesGivenFields_ReusesItUntouched()
    {
        _db.WithIface(Name, "cxgb4i", Mac, ipAddress: "192.0.2.10", netInterfaceName: "eth2");

        var result = await Manager().EnsureAsync(Cxgb4);

        result.Created.Should().BeFalse();
        result.Iface.NetInterfaceName.Should().Be("eth2", "fields the definition leaves out are not compared");
        Writes().Should().Be(0);
    }

    [Theory]
    [InlineData("cxgb3i", Mac, "192.0.2.10", "iface.transport_name: wanted cxgb4i, found cxgb3i")]
    [InlineData("cxgb4i", "00:07:43:aa:bb:cd", "192.0.2.10", "iface.hwaddress: wanted 00:07:43:aa:bb:cc, found 00:07:43:aa:bb:cd")]
    [InlineData("cxgb4i", Mac, null, "iface.ipaddress: wanted 192.0.2.10, found <empty>")]
    public async Task EnsureAsync_UserIfaceDiffers_ThrowsConflictAndChangesNothing(string transport, string mac, string? ip, string difference)
    {
        _db.WithIface(Name, transport, mac, ipAddress: ip);
        var before = _db.Ifaces.SingleOrDefault(i => i.Name == Name);

        var error = (await Manager().Invoking(m => m.EnsureAsync(Cxgb4)).Should().ThrowAsync<IscsiTransportException>()).Which;

        error.Reason.Should().Be(IscsiTransportFailureReason.IfaceConflict);
        error.IfaceName.Should().Be(Name);
        error.Message.Should().Contain(difference).And.Contain("left untouched");
        Writes().Should().Be(0, "a user's iface is never overwritten nor deleted");
        _db.Ifaces.SingleOrDefault(i => i.Name == Name).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task EnsureAsync_UpdateFails_DeletesTheIfaceItJustCreated()
    {
        _db.InjectFailure("iscsiadm", ["-m", "iface", "-I", Name, "-o", "update"], 1, 7, "iscsiadm: Could not update iface: invalid parameter\n");

        var error = (await Manager().Invoking(m => m.EnsureAsync(Cxgb4)).Should().ThrowAsync<IscsiTransportException>()).Which;

        error.Reason.Should().Be(IscsiTransportFailureReason.IfaceCommandFailed);
        error.Message.Should().Contain("deleted again").And.Contain("invalid parameter");
        error.InnerException.Should().BeOfType<IscsiCommandException>();
        Rendered().Last().Should().Be($"-m iface -I {Name} -o delete");
        _db.Ifaces.Select(i => i.Name).Should().NotContain(Name);
    }

    [Fact]
    public async Task EnsureAsync_ReadBackDiffers_DeletesItsOwnIfaceAndSaysWhatDiffers()
    {
        // The first show (existence check) answers "missing"; the read-back shows the iface without its hwaddress.
        var executor = new FakeCommandExecutor();
        var shows = 0;
        executor.SetupContaining("iscsiadm", "-o", "show").Returns(_ => ++shows == 1
            ? new CommandResult(6, string.Empty, "iSCSI ERROR: Failed to open /etc/iscsi/ifaces/x using read mode: 2 No such file or directory", TimeSpan.Zero)
            : new CommandResult(0, $"iface.iscsi_ifacename = {Name}\niface.transport_name = cxgb4i\niface.hwaddress = <empty>\n", string.Empty, TimeSpan.Zero));

        var error = (await new IscsiIfaceManager(executor, new SimulatedIscsiHost()).Invoking(m => m.EnsureAsync(Cxgb4)).Should().ThrowAsync<IscsiTransportException>()).Which;

        error.Message.Should().Contain("does not read back as defined").And.Contain("iface.hwaddress: wanted 00:07:43:aa:bb:cc, found <empty>");
        executor.Invocations.Select(i => i.Display).Last().Should().Be($"iscsiadm -m iface -I {Name} -o delete");
    }

    [Fact]
    public async Task EnsureAsync_CancelledAfterCreation_DeletesItsOwnIface()
    {
        using var cancel = new CancellationTokenSource();
        var executor = new FakeCommandExecutor();
        executor.SetupContaining("iscsiadm", "-o", "show").Returns(6, string.Empty, "2 No such file or directory");
        executor.SetupContaining("iscsiadm", "-o", "new").Returns(0, $"New interface {Name} added\n").Callback(_ => cancel.Cancel());

        await new IscsiIfaceManager(executor, new SimulatedIscsiHost()).Invoking(m => m.EnsureAsync(Cxgb4, cancel.Token)).Should().ThrowAsync<OperationCanceledException>();

        executor.Invocations.Select(i => i.Display).Should().Equal(
            $"iscsiadm -m iface -I {Name} -o show",
            $"iscsiadm -m iface -I {Name} -o new",
            $"iscsiadm -m iface -I {Name} -o delete");
    }

    [Fact]
    public async Task EnsureAsync_ShowFails_NeverCreatesNorDeletes()
    {
        _db.InjectFailure("iscsiadm", ["-m", "iface", "-I", Name, "-o", "show"], 1, 18, "iscsiadm: can not connect to iSCSI daemon (111)!\n");

        var error = (await Manager().Invoking(m => m.EnsureAsync(Cxgb4)).Should().ThrowAsync<IscsiTransportException>()).Which;

        error.Reason.Should().Be(IscsiTransportFailureReason.IfaceCommandFailed);
        Writes().Should().Be(0);
    }

    [Fact]
    public async Task EnsureAsync_InvalidDefinition_ThrowsBeforeAnyCommand()
    {
        var bad = new IscsiIfaceDefinition("cxgb4i", "00:07:43:aa:bb") { IpAddress = "300.1.1.1" };

        var error = (await Manager().Invoking(m => m.EnsureAsync(bad)).Should().ThrowAsync<ArgumentException>()).Which;

        error.Message.Should().Contain("HardwareAddress").And.Contain("IpAddress");
        _db.Invocations.Should().BeEmpty();
    }

    private IscsiIfaceManager Manager() => new(_db, _db);

    private List<string> Rendered() => IfaceCommandsOf(_db).Select(c => string.Join(' ', c.ArgumentValues)).ToList();

    private int Writes() => IfaceCommandsOf(_db).Count(c => c.ArgumentValues.Any(a => a is "new" or "update" or "delete"));
}
