using IscsiConnector.Migration;
using IscsiConnector.Tests.Migration.Support;
using static IscsiConnector.Tests.Migration.Support.Domains;

namespace IscsiConnector.Tests.Migration;

public sealed class DestinationDeviceMapTests
{
    [Fact]
    public void FromAttachments_SpecEx1_SinglePathIsTheByPathLink()
    {
        var byPath = "/dev/disk/by-path/ip-192.168.0.10:3260-iscsi-iqn.2010-10.org.abc:67890.opst-lun-26";

        var map = DestinationDeviceMap.FromAttachments([new(Serial, Attachments.Single(byPath))]);

        map.DevicePaths.Should().Equal(new Dictionary<string, string> { [Serial] = byPath });
        map.ToJson().Should().Be($$"""
            {
              "device_path": {
                "{{Serial}}": "{{byPath}}"
              }
            }
            """);
    }

    [Fact]
    public void DevicePathOf_Multipath_IsTheMapAndWithoutByPathTheDisk()
    {
        DestinationDeviceMap.DevicePathOf(Attachments.Multipath("/dev/dm-2")).Should().Be("/dev/dm-2");
        DestinationDeviceMap.DevicePathOf(Attachments.Single() with { ByPath = null }).Should().Be("/dev/sda");
    }

    [Fact]
    public void ToJsonAndParse_BlockAndLibiscsiVolumes_RoundTrip()
    {
        var source = new IscsiNetworkSource("iqn.2010-10.org.openstack:volume-3", 3, new IscsiPortal("fd00::1", 3261), new IscsiSecretReference("u", uuid: Guid.Parse("0e8a4f6c-8b7a-4c1e-9d7e-0123456789ab")), "iqn.1993-08.org.debian:01:dest");
        var map = DestinationDeviceMap.FromAttachments([new(Serial, Attachments.Multipath("/dev/dm-0"))], [new(Serial2, source)]);

        var json = map.ToJson();
        var back = DestinationDeviceMap.Parse(json);

        back.DevicePaths.Should().Equal(map.DevicePaths);
        back.IscsiSources.Should().Equal(map.IscsiSources);
        json.Should().Contain("\"host\": {\n        \"name\": \"fd00::1\",\n        \"port\": 3261\n      }").And.Contain("\"secret_type\": \"iscsi\"").And.Contain("\"name\": \"iqn.2010-10.org.openstack:volume-3/3\"");
    }

    [Fact]
    public void Parse_NovaResData_IgnoresTheOtherKeys()
    {
        var map = DestinationDeviceMap.Parse($$$"""
            {"device_path": {"{{{Serial}}}": "/dev/disk/by-path/ip-192.168.0.10:3260-iscsi-iqn.2010-10.org.abc:67890.opst-lun-26"},
             "graphics_listen_addrs": {"vnc": "127.0.0.1", "spice": "127.0.0.1"}}
            """);

        map.Serials.Should().Equal(Serial);
    }

    [Theory]
    [InlineData("""{"device_path": {"s": "/etc/passwd"}}""", "*device_path['s']*not a device path under /dev/*")]
    [InlineData("""{"device_path": {"s": "/dev/../etc/shadow"}}""", "*not a device path under /dev/*")]
    [InlineData("""{"device_path": {"s": "-/dev/sda"}}""", "*starts with '-'*")]
    [InlineData("""{"device_path": {"": "/dev/sda"}}""", "*empty serial*")]
    [InlineData("""{"device_path": {"s": 5}}""", "*key '$.device_path.s'*")]
    [InlineData("""{"device_path": {"s": "/dev/sda"}, "iscsi_source": {"s": {"iqn": "iqn.2010-10.org.a:b", "lun": 1, "host": {"name": "h"}}}}""", "*repeats a serial*")]
    [InlineData("""{"iscsi_source": {"s": {"iqn": "not-an-iqn", "lun": 1, "host": {"name": "h"}}}}""", "*iscsi_source['s'].iqn*")]
    [InlineData("""{"iscsi_source": {"s": {"iqn": "iqn.2010-10.org.a:b", "lun": 99999, "host": {"name": "h"}}}}""", "*iscsi_source['s'].lun*")]
    [InlineData("""{"iscsi_source": {"s": {"iqn": "iqn.2010-10.org.a:b", "lun": 1}}}""", "*iscsi_source['s'].host.name*")]
    [InlineData("""{"iscsi_source": {"s": {"iqn": "iqn.2010-10.org.a:b", "lun": 1, "host": {"name": "[fd00::1]"}}}}""", "*bracketed*")]
    [InlineData("""{"iscsi_source": {"s": {"iqn": "iqn.2010-10.org.a:b", "lun": 1, "host": {"name": "h", "port": 0}}}}""", "*host*port 0*")]
    [InlineData("""{"iscsi_source": {"s": {"iqn": "iqn.2010-10.org.a:b", "lun": 1, "host": {"name": "h"}, "auth": {"username": "u"}}}}""", "*auth*one of secret_usage, secret_uuid*")]
    [InlineData("""{"iscsi_source": {"s": {"iqn": "iqn.2010-10.org.a:b", "lun": 1, "host": {"name": "h"}, "auth": {"username": "u", "secret_type": "ceph", "secret_usage": "x"}}}}""", "*secret_type*'iscsi'*")]
    [InlineData("""{"iscsi_source": {"s": {"iqn": "iqn.2010-10.org.a:b", "lun": 1, "host": {"name": "h"}, "password": "x"}}}""", "*password*")]
    [InlineData("[1, 2]", "*the document*")]
    [InlineData("{", "*not valid*")]
    public void Parse_BadInput_NamesTheKey(string json, string message)
    {
        var act = () => DestinationDeviceMap.Parse(json);

        act.Should().Throw<LiveMigrationException>().Where(e => e.Failure == LiveMigrationFailure.InvalidDeviceMap).WithMessage(message);
    }

    [Fact]
    public void FromAttachments_SameSerialTwice_IsInvalid()
    {
        var act = () => DestinationDeviceMap.FromAttachments([new(Serial, Attachments.Single()), new(Serial, Attachments.Multipath("/dev/dm-0"))]);

        act.Should().Throw<LiveMigrationException>().WithMessage("*given twice*");
    }
}
