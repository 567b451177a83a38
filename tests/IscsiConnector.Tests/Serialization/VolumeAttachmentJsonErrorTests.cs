using System.Text.Json;

namespace IscsiConnector.Tests.Serialization;

/// <summary>A stored attachment drives a disconnect, so every value it holds is checked and a problem names the key.</summary>
public sealed class VolumeAttachmentJsonErrorTests
{
    private const string Device = """{"name":"sda","portal":"127.0.0.1:3260","iqn":"iqn.2010-10.org.openstack:v","lun":1}""";

    public static TheoryData<string, string> Malformed => new()
    {
        { """{"path":"/dev/sda"}""", "device_info key 'scsi_wwn': is missing" },
        { """{"scsi_wwn":"3600"}""", "device_info key 'path': is missing or empty." },
        { """{"path":"sda","scsi_wwn":"3600"}""", "device_info key 'path': \"sda\" is not a device under /dev." },
        { """{"path":"/dev/sda","scsi_wwn":"3600","type":"file"}""", "device_info key 'type': \"file\" is not 'block'" },
        { """{"path":"/dev/sda","scsi_wwn":3600}""", "device_info key 'scsi_wwn': has the wrong JSON type" },
        { """{"path":"/dev/sda","scsi_wwn":"3600","devices":{}}""", "device_info key 'devices': has the wrong JSON type" },
        { """{"path":"/dev/sda","scsi_wwn":"3600","devices":[null]}""", "device_info key 'devices[0]': must be an object" },
        { """{"path":"/dev/sda","scsi_wwn":"3600","devices":[{"name":"../x","portal":"127.0.0.1:3260","iqn":"iqn.2010-10.org.openstack:v","lun":1}]}""", "device_info key 'devices[0].name': \"../x\" is not a kernel disk name" },
        { """{"path":"/dev/sda","scsi_wwn":"3600","devices":[{"name":"sda","portal":"127.0.0.1:3260","iqn":"iqn.2010-10.org.openstack:v","lun":-1}]}""", "device_info key 'devices[0].lun': must be a number from 0 to 16383." },
        { """{"path":"/dev/sda","scsi_wwn":"3600","devices":[{"name":"sda","portal":"127.0.0.1:3260","iqn":"iqn.2010-10.org.openstack:v","lun":"1"}]}""", "device_info key 'devices[0].lun': has the wrong JSON type" },
        { """{"path":"/dev/sda","scsi_wwn":"3600","devices":[{"name":"sda","portal":"-o x","iqn":"iqn.2010-10.org.openstack:v","lun":1}]}""", "device_info key 'devices[0].portal': is not a portal" },
        { """{"path":"/dev/sda","scsi_wwn":"3600","devices":[{"name":"sda","portal":"127.0.0.1:3260","iqn":"--login","lun":1}]}""", "device_info key 'devices[0].iqn':" },
        { """{"path":"/dev/sda","scsi_wwn":"3600","devices":[""" + Device + """],"portals":[{"portal":"127.0.0.1:3260","iqn":"iqn.2010-10.org.openstack:v","lun":1,"outcome":"won"}]}""", "device_info key 'portals[0].outcome': \"won\" is not one of logged_in, already_logged_in, failed, skipped." },
        { """{"path":"/dev/sda","scsi_wwn":"3600","elapsed_ms":-5}""", "device_info key 'elapsed_ms': must be a number of milliseconds" },
        { "[1]", "device_info: must be a JSON object" },
        { "null", "device_info: must be a JSON object" },
        { "not json", "device_info: the text is not valid JSON" },
        { """{"path":"/dev/sda","scsi_wwn":"3600"} {}""", "device_info: the text is not valid JSON ('{' is invalid after a single JSON value." },
        { "  ", "device_info: the text is empty." },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_Malformed_JsonExceptionNamesTheKeyAndNoClrType(string json, string expected)
    {
        var act = () => VolumeAttachment.Parse(json);

        act.Should().Throw<JsonException>().Which.Message.Should().StartWith(expected).And.NotContain("System.").And.NotContain("IscsiConnector.");
    }
}
