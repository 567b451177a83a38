using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Transports.Support;
using IscsiConnector.Transports;

namespace IscsiConnector.Tests.Transports;

/// <summary>The sysfs hardware check (spec 004 "verify hardware exists"): MAC present, driver matching the transport.</summary>
public sealed class HardwareCheckTests
{
    private const string Mac = "00:07:43:aa:bb:cc";
    private readonly SimulatedIscsiHost _sysfs = new();

    [Fact]
    public void CheckHardware_MacNowhere_ReportsHardwareNotFound()
    {
        _sysfs.AddNetworkInterface("eth0", "52:54:00:12:34:56", "virtio_net");

        var check = Check(Offload("cxgb4i"));

        check.IsUsable.Should().BeFalse();
        check.Failure.Should().Be(IscsiTransportFailureReason.HardwareNotFound);
        check.Message.Should().Contain(Mac).And.Contain("/sys/class/net/*/address").And.Contain("/sys/class/iscsi_host/*/hwaddress");
    }

    [Fact]
    public void CheckHardware_NicWithOtherDriver_ReportsDriverMismatch()
    {
        _sysfs.AddNetworkInterface("eth0", "52:54:00:12:34:56", "virtio_net").AddNetworkInterface("eth2", Mac.ToUpperInvariant(), "e1000e");

        var check = Check(Offload("cxgb4i"));

        check.Failure.Should().Be(IscsiTransportFailureReason.DriverMismatch);
        check.NetInterface.Should().Be("eth2");
        check.Driver.Should().Be("e1000e");
        check.Message.Should().Contain("eth2, driven by e1000e").And.Contain("needs cxgb4 hardware");
    }

    [Fact]
    public void CheckHardware_VirtualNicWithoutDriver_ReportsDriverMismatch()
    {
        _sysfs.AddNetworkInterface("br0", Mac, driver: null);

        var check = Check(Offload("cxgb4i"));

        check.Failure.Should().Be(IscsiTransportFailureReason.DriverMismatch);
        check.Message.Should().Contain("no device driver (a virtual interface)");
    }

    [Fact]
    public void CheckHardware_MatchingNicButNoOffloadHost_ReportsOffloadHostNotFound()
    {
        _sysfs.AddNetworkInterface("eth2", Mac, "cxgb4");

        var check = Check(Offload("cxgb4i"));

        check.Failure.Should().Be(IscsiTransportFailureReason.OffloadHostNotFound);
        check.Driver.Should().Be("cxgb4");
        check.Message.Should().Contain("modprobe cxgb4i").And.Contain("exit 23");
    }

    [Fact]
    public void CheckHardware_OffloadHostOfTheTransport_IsUsable()
    {
        _sysfs.AddNetworkInterface("eth2", Mac, "cxgb4").AddOffloadHost(3, Mac, "cxgb4i");

        var check = Check(Offload("cxgb4i"));

        check.IsUsable.Should().BeTrue();
        check.IscsiHost.Should().Be(3);
        check.Driver.Should().Be("cxgb4i");
        check.NetInterface.Should().Be("eth2");
        check.Invoking(c => c.ThrowIfUnusable()).Should().NotThrow();
    }

    [Fact]
    public void CheckHardware_OffloadHostOfAnotherTransport_ReportsDriverMismatch()
    {
        _sysfs.AddOffloadHost(5, Mac, "bnx2i");

        var check = Check(Offload("cxgb4i"));

        check.Failure.Should().Be(IscsiTransportFailureReason.DriverMismatch);
        check.IscsiHost.Should().Be(5);
        check.Message.Should().Contain("host5, driven by bnx2i, not by cxgb4i");
        check.Invoking(c => c.ThrowIfUnusable()).Should().Throw<IscsiTransportException>()
            .Which.Should().Match<IscsiTransportException>(e => e.Reason == IscsiTransportFailureReason.DriverMismatch && e.IfaceName == "cxgb4i." + Mac);
    }

    [Fact]
    public void CheckHardware_SoftwareSessionHostWithTheMac_IsIgnored()
    {
        // A tcp session bound to this NIC creates an iscsi_tcp host that reports the MAC: not offload hardware.
        _sysfs.AddNetworkInterface("eth2", Mac, "cxgb4").AddOffloadHost(7, Mac, "iscsi_tcp");

        Check(Offload("cxgb4i")).Failure.Should().Be(IscsiTransportFailureReason.OffloadHostNotFound);
    }

    [Theory]
    [InlineData("cxgb3i", "cxgb3")]
    [InlineData("cxgb4i", "cxgb4")]
    [InlineData("qla4xxx", "qla4xxx")]
    [InlineData("bnx2i", "bnx2x")]
    [InlineData("bnx2i", "bnx2")]
    [InlineData("be2iscsi", "be2net")]
    [InlineData("qedi", "qede")]
    [InlineData("ocs", "ocs_fc")]
    public void CheckHardware_NicDriverOfTheTransport_IsAcceptedAsItsHardware(string transport, string driver)
    {
        _sysfs.AddNetworkInterface("eth4", Mac, driver);

        var check = Check(Offload(transport));

        check.Failure.Should().Be(IscsiTransportFailureReason.OffloadHostNotFound, "the driver matches; only the offload host is missing");
        check.Driver.Should().Be(driver);
    }

    [Theory]
    [InlineData("cxgb4i", "cxgb3")]
    [InlineData("bnx2i", "qede")]
    [InlineData("qedi", "bnx2x")]
    [InlineData("be2iscsi", "ixgbe")]
    public void CheckHardware_NicDriverOfAnotherTransport_ReportsDriverMismatch(string transport, string driver)
    {
        _sysfs.AddNetworkInterface("eth4", Mac, driver);

        Check(Offload(transport)).Failure.Should().Be(IscsiTransportFailureReason.DriverMismatch);
    }

    [Fact]
    public void CheckHardware_OffloadIfaceWithoutHwaddress_ReportsHardwareNotFound()
    {
        var check = Check(new IscsiIface("cxgb4i.manual", "cxgb4i"));

        check.Failure.Should().Be(IscsiTransportFailureReason.HardwareNotFound);
        check.Message.Should().Contain("has no iface.hwaddress");
    }

    [Fact]
    public void CheckHardware_TcpBoundToMissingNetInterface_ReportsHardwareNotFound()
    {
        _sysfs.AddNetworkInterface("eth0", "52:54:00:12:34:56", "virtio_net");

        var check = Check(new IscsiIface("iface0", "tcp") { NetInterfaceName = "eth9" });

        check.Failure.Should().Be(IscsiTransportFailureReason.HardwareNotFound);
        check.Message.Should().Contain("/sys/class/net/eth9 does not exist");
    }

    [Fact]
    public void CheckHardware_TcpBoundToPresentNicByNameAndMac_IsUsable()
    {
        _sysfs.AddNetworkInterface("eth0", "52:54:00:12:34:56", "virtio_net");

        Check(new IscsiIface("iface0", "tcp") { NetInterfaceName = "eth0" }).IsUsable.Should().BeTrue();
        var byMac = Check(new IscsiIface("tcp.52:54:00:12:34:56", "tcp") { HardwareAddress = "52:54:00:12:34:56" });
        byMac.IsUsable.Should().BeTrue();
        byMac.NetInterface.Should().Be("eth0");
        byMac.Driver.Should().Be("virtio_net");
    }

    [Fact]
    public void CheckHardware_TcpBoundToMissingMac_ReportsHardwareNotFound() =>
        Check(new IscsiIface("tcp.52:54:00:00:00:01", "tcp") { HardwareAddress = "52:54:00:00:00:01" })
            .Failure.Should().Be(IscsiTransportFailureReason.HardwareNotFound);

    [Fact]
    public void CheckHardware_UnboundSoftwareIface_IsUsable() =>
        Check(new IscsiIface("iser", "iser")).IsUsable.Should().BeTrue();

    private static IscsiIface Offload(string transport) => new($"{transport}.{Mac}", transport) { HardwareAddress = Mac };

    private IscsiHardwareCheck Check(IscsiIface iface) => new IscsiIfaceManager(new FakeCommandExecutor(), _sysfs).CheckHardware(iface);
}
