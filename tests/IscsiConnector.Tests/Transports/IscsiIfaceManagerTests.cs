using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Support;
using IscsiConnector.Tests.Transports.Support;
using IscsiConnector.Transports;

namespace IscsiConnector.Tests.Transports;

/// <summary>Reading and validating ifaces over output captured from real iscsiadm 2.1.8 (Fixtures/transports).</summary>
public sealed class IscsiIfaceManagerTests
{
    private const string Cxgb4 = "cxgb4i.00:07:43:aa:bb:cc";
    private readonly FakeCommandExecutor _executor = new();

    [Fact]
    public async Task ListAsync_CapturedListWithOffloadIface_ReturnsEveryIface()
    {
        _executor.SetupExact("iscsiadm", "-m", "iface").Returns(0, FixtureFiles.Read("transports/iface-list-with-cxgb4i.txt"));

        var ifaces = await Manager().ListAsync();

        ifaces.Select(i => (i.Name, i.Transport, i.HardwareAddress)).Should().Equal(
            (Cxgb4, "cxgb4i", "00:07:43:aa:bb:cc"),
            ("default", "tcp", null),
            ("iser", "iser", null));
    }

    [Theory]
    [InlineData("default", "transports/iface-show-default.txt", "tcp")]
    [InlineData("iser", "transports/iface-show-iser.txt", "iser")]
    [InlineData(Cxgb4, "transports/iface-show-cxgb4i.txt", "cxgb4i")]
    public async Task ValidateAsync_CapturedRecord_ReturnsTheIface(string name, string fixture, string transport)
    {
        _executor.SetupExact("iscsiadm", "-m", "iface", "-I", name, "-o", "show").Returns(0, FixtureFiles.Read(fixture));

        var iface = await Manager().ValidateAsync(name);

        iface.Name.Should().Be(name);
        iface.TransportName.Should().Be(transport);
        iface.IsOffload.Should().Be(transport == "cxgb4i");
        iface.HardwareAddress.Should().Be(transport == "cxgb4i" ? "00:07:43:aa:bb:cc" : null);
        iface.IpAddress.Should().BeNull();
        iface.NetInterfaceName.Should().BeNull();
        iface.InitiatorName.Should().BeNull();
    }

    [Fact]
    public async Task FindAsync_CapturedMissingIface_ReturnsNull()
    {
        _executor.SetupExact("iscsiadm", "-m", "iface", "-I", Cxgb4, "-o", "show").Returns(6, string.Empty, FixtureFiles.Read("transports/iface-show-missing.stderr.txt"));

        (await Manager().FindAsync(Cxgb4)).Should().BeNull();
    }

    [Fact]
    public async Task ValidateAsync_CapturedMissingIface_ThrowsIfaceNotFoundNamingTheIface()
    {
        _executor.SetupExact("iscsiadm", "-m", "iface", "-I", Cxgb4, "-o", "show").Returns(6, string.Empty, FixtureFiles.Read("transports/iface-show-missing.stderr.txt"));

        var error = (await Manager().Invoking(m => m.ValidateAsync(Cxgb4)).Should().ThrowAsync<IscsiTransportException>()).Which;

        error.IfaceName.Should().Be(Cxgb4);
        error.Reason.Should().Be(IscsiTransportFailureReason.IfaceNotFound);
        error.Message.Should().Contain($"Iface {Cxgb4} does not exist").And.Contain("IfaceDefinition");
        error.IsTransient.Should().BeFalse();
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("TCP")]
    [InlineData("<empty>")]
    [InlineData("default")]
    public async Task ValidateAsync_TransportNotSupported_ThrowsUnknownTransport(string transport)
    {
        ShowAnswers(CapturedRecordWithTransport(transport));

        var error = (await Manager().Invoking(m => m.ValidateAsync(Cxgb4)).Should().ThrowAsync<IscsiTransportException>()).Which;

        error.Reason.Should().Be(IscsiTransportFailureReason.UnknownTransport);
        error.IfaceName.Should().Be(Cxgb4);
        error.Message.Should().Contain("is not a transport open-iscsi supports");
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("iser")]
    [InlineData("cxgb3i")]
    [InlineData("cxgb4i")]
    [InlineData("qla4xxx")]
    [InlineData("bnx2i")]
    [InlineData("be2iscsi")]
    [InlineData("ocs")]
    [InlineData("qedi")]
    public async Task ValidateAsync_EverySupportedTransport_IsAccepted(string transport)
    {
        ShowAnswers(CapturedRecordWithTransport(transport));

        (await Manager().ValidateAsync(Cxgb4)).TransportName.Should().Be(transport);
    }

    [Theory]
    [InlineData(18, "iscsiadm: can not connect to iSCSI daemon (111)!", true)]
    [InlineData(6, "iscsiadm: could not lock db: Permission denied", true)]
    [InlineData(7, "iscsiadm: Invalid argument", false)]
    public async Task FindAsync_OtherFailure_ThrowsIfaceCommandFailedWithTheCommandError(int exitCode, string stderr, bool transient)
    {
        _executor.SetupExact("iscsiadm", "-m", "iface", "-I", Cxgb4, "-o", "show").Returns(exitCode, string.Empty, stderr);

        var error = (await Manager().Invoking(m => m.FindAsync(Cxgb4)).Should().ThrowAsync<IscsiTransportException>()).Which;

        error.Reason.Should().Be(IscsiTransportFailureReason.IfaceCommandFailed);
        error.InnerException.Should().BeOfType<IscsiCommandException>().Which.ExitCode.Should().Be(exitCode);
        error.Message.Should().Contain(stderr);
        error.IsTransient.Should().Be(transient);
    }

    [Theory]
    [InlineData("-o")]
    [InlineData("two words")]
    [InlineData("tab\there")]
    [InlineData("")]
    public async Task FindAsync_NameReadAsOption_ThrowsBeforeAnyCommand(string name)
    {
        await Manager().Invoking(m => m.FindAsync(name)).Should().ThrowAsync<ArgumentException>().WithParameterName("name");

        _executor.Invocations.Should().BeEmpty();
    }

    [Fact]
    public void ListLoadedTransports_SysfsTransports_ReturnsTheirNamesSorted()
    {
        var sysfs = new SimulatedIscsiHost().LoadTransport("cxgb4i");

        new IscsiIfaceManager(_executor, sysfs).ListLoadedTransports().Should().Equal("cxgb4i", "iser", "tcp");
    }

    [Fact]
    public void ListLoadedTransports_NoIscsiModule_ReturnsEmpty() =>
        new IscsiIfaceManager(_executor, new SimulatedIscsiHost().UnloadTransport("tcp").UnloadTransport("iser")).ListLoadedTransports().Should().BeEmpty();

    private static string CapturedRecordWithTransport(string transport) =>
        FixtureFiles.Read("transports/iface-show-cxgb4i.txt").Replace("iface.transport_name = cxgb4i", $"iface.transport_name = {transport}", StringComparison.Ordinal);

    private void ShowAnswers(string record) => _executor.SetupExact("iscsiadm", "-m", "iface", "-I", Cxgb4, "-o", "show").Returns(0, record);

    private IscsiIfaceManager Manager() => new(_executor, new SimulatedIscsiHost());
}
