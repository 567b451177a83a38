using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Reliability;

/// <summary>
/// Issue 12, "LUNs above 255": the simulated target numbers LUNs as tgtd does (REPORT LUNS gives LUN 300 flat space
/// addressing, the host's 16684; a scan of "300" is peripheral addressing and reaches LUN 44), so the connector must scan,
/// find, link and remove the host's number, not connection_info's.
/// </summary>
public sealed class HighLunTests : IDisposable
{
    private const string Wwid44 = "naa.60000000000000000e00000000010044";
    private const string Wwid300 = "naa.60000000000000000e00000000010300";
    private readonly ConnectorFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ConnectVolumeAsync_Lun300_ScansTheFlatSpaceNumberAndFindsLun300sDisk()
    {
        _f.Host.AddTarget(Iqn, Lun(44, Wwid44), Lun(300, Wwid300)).AddPortal("127.0.0.1:3260");
        var info = Info("""{ "target_portal": "127.0.0.1:3260", "target_iqn": "iqn.2010-10.org.openstack:volume-1", "target_lun": 300 }""");

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        attachment.ScsiWwn.Should().Be("360000000000000000e00000000010300", "LUN 300's disk, not LUN 44's");
        attachment.Devices.Should().ContainSingle().Which.Address.Lun.Should().Be(16684);
        attachment.ByPath.Should().Be("/dev/disk/by-path/ip-127.0.0.1:3260-iscsi-iqn.2010-10.org.openstack:volume-1-lun-0x412c000000000000");
        _f.Disks.Should().ContainSingle("only the volume's LUN is scanned");
    }

    [Fact]
    public async Task Lun300_ExtendAndDisconnect_WorkOnTheHostsNumber()
    {
        _f.Host.AddTarget(Iqn, Lun(300, Wwid300)).AddPortal("127.0.0.1:3260");
        var info = Info("""{ "target_portal": "127.0.0.1:3260", "target_iqn": "iqn.2010-10.org.openstack:volume-1", "target_lun": 300 }""");
        var attachment = await _f.Connector.ConnectVolumeAsync(info);
        _f.Host.ResizeLun(Iqn, 300, 2L << 30);

        (await _f.Connector.ExtendVolumeAsync(info)).Should().Be(2L << 30);
        (await _f.Connector.GetVolumePathsAsync(info)).Should().NotBeEmpty();
        var result = await _f.Connector.DisconnectVolumeAsync(info, attachment);

        result.IsClean.Should().BeTrue();
        result.RemovedDevices.Should().ContainSingle();
        _f.Disks.Should().BeEmpty();
        _f.Host.Sessions.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_AddressingModeSam_ScansTheLunUnchanged()
    {
        // os-brick's default: the number goes to the kernel as it is. On a tgtd-like target that is LUN 44: the WWID
        // shows it is not the LUN 300 an array using SAM would have answered, which is why SAM2 is this library's default.
        _f.Host.AddTarget(Iqn, Lun(44, Wwid44), Lun(300, Wwid300)).AddPortal("127.0.0.1:3260");
        var info = Info("""{ "target_portal": "127.0.0.1:3260", "target_iqn": "iqn.2010-10.org.openstack:volume-1", "target_lun": 300, "addressing_mode": "SAM" }""");

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        attachment.Devices.Should().ContainSingle().Which.Address.Lun.Should().Be(300);
        attachment.ScsiWwn.Should().Be("360000000000000000e00000000010044");
    }

    [Fact]
    public void Parse_UnknownAddressingMode_NamesTheKey()
    {
        var act = () => Info("""{ "target_portal": "127.0.0.1:3260", "target_iqn": "iqn.2010-10.org.openstack:volume-1", "target_lun": 300, "addressing_mode": "SAM4" }""");

        act.Should().Throw<ConnectionInfoException>().Which.Key.Should().Be("addressing_mode");
    }

    [Fact]
    public void Serialize_AddressingMode_RoundTrips()
    {
        var info = Info("""{ "target_portal": "127.0.0.1:3260", "target_iqn": "iqn.2010-10.org.openstack:volume-1", "target_lun": 3, "addressing_mode": "SAM3-flat" }""");

        var again = ConnectionInfo.Parse(info.ToJson(includeEnvelope: true));

        again.Primary.Addressing.Should().Be(LunAddressing.Sam3Flat);
        again.Primary.ScsiLun.Should().Be(16387);
    }
}
