using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

/// <summary>
/// device-paths, migrate-xml and libiscsi (spec 003) end to end through the tool: a connect on a simulated destination
/// feeds device-paths, whose map feeds migrate-xml; libiscsi probes real loopback sockets.
/// </summary>
public sealed class MigrationCommandTests : IDisposable
{
    private const string Serial = "58a84f6d-3f0c-4e19-a0af-eb657b790657";
    private readonly TcpListener _portal = new(IPAddress.Loopback, 0);

    public MigrationCommandTests() => _portal.Start();

    private int LivePort => ((IPEndPoint)_portal.LocalEndpoint).Port;

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task DevicePathsThenMigrateXml_BlockVolume_RewritesTheSourceToTheDestinationsByPathLink()
    {
        var connect = await Tool.RunAsync("connect", "--simulate", Samples.HealthySingle, "--connection-info", Samples.Single, "--time-scale", "0");
        connect.ExitCode.Should().Be(0, connect.ToString());
        var deviceInfo = Samples.WriteTemp("device.json", connect.Stdout);
        var byPath = connect.Json().GetProperty("by_path").GetString()!;

        var map = await Tool.RunAsync("device-paths", "--attachment", $"{Serial}={deviceInfo}");

        map.ExitCode.Should().Be(0, map.ToString());
        map.Json().GetProperty("device_path").GetProperty(Serial).GetString().Should().Be(byPath);
        var mapFile = Samples.WriteTemp("map.json", map.Stdout);
        var domain = Samples.WriteTemp("domain.xml", Domain(BlockDisk("/dev/disk/by-path/ip-10.0.0.1:3260-iscsi-iqn.2010-10.org.openstack:volume-1-lun-1")));
        var output = Path.Combine(Path.GetDirectoryName(domain)!, "new.xml");

        var rewrite = await Tool.RunAsync("migrate-xml", "--domain-xml", domain, "--device-paths", mapFile, "--output", output);

        rewrite.ExitCode.Should().Be(0, rewrite.ToString());
        var json = rewrite.Json();
        json.GetProperty("xml").GetString().Should().Contain($"<source dev='{byPath}' />").And.Be(File.ReadAllText(output));
        var disk = json.GetProperty("disks")[0];
        (disk.GetProperty("serial").GetString(), disk.GetProperty("target_dev").GetString(), disk.GetProperty("type").GetString(), disk.GetProperty("new_source").GetString())
            .Should().Be((Serial, "vdb", "block", byPath));
    }

    [Fact]
    public async Task DevicePaths_MultipathAttachment_IsTheMultipathDevice()
    {
        var connect = await Tool.RunAsync("connect", "--multipath", "--simulate", Samples.MultipathOneDown, "--connection-info", Samples.Multipath, "--time-scale", "0");
        connect.ExitCode.Should().Be(0, connect.ToString());

        var map = await Tool.RunAsync("device-paths", "--attachment", $"{Serial}={Samples.WriteTemp("device.json", connect.Stdout)}");

        map.Json().GetProperty("device_path").GetProperty(Serial).GetString().Should().Be("/dev/dm-0");
    }

    [Fact]
    public async Task Libiscsi_PrimaryRefusedChap_ChoosesTheLivePortalAndNeverPrintsThePassword()
    {
        var info = Samples.WriteTemp("ci.json", ConnectionInfo($"127.0.0.1:{RefusedPort()}", alternative: $"127.0.0.1:{LivePort}"));

        var result = await Tool.RunAsync("libiscsi", "--connection-info", info, "--probe-timeout", "1", "--node-name", "vol");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("portal").GetString().Should().Be($"127.0.0.1:{LivePort}");
        json.GetProperty("url").GetString().Should().Be($"iscsi://127.0.0.1:{LivePort}/iqn.2026-11.test.mig:dst/3");
        json.GetProperty("drive").GetString().Should().Be($"file=iscsi://127.0.0.1:{LivePort}/iqn.2026-11.test.mig:dst/3,file.user=miguser,file.password-secret=iscsi-chap0,format=raw");
        var blockdev = json.GetProperty("blockdev");
        (blockdev.GetProperty("driver").GetString(), blockdev.GetProperty("user").GetString(), blockdev.GetProperty("password-secret").GetString(), blockdev.GetProperty("node-name").GetString())
            .Should().Be(("iscsi", "miguser", "iscsi-chap0", "vol"));
        json.GetProperty("portals").EnumerateArray().Select(p => p.GetProperty("reachable").GetBoolean()).Should().Equal(false, true);
        json.GetProperty("disk_xml").GetString().Should().Contain("<secret type=\"iscsi\" usage=\"iqn.2026-11.test.mig:dst-lun-3\" />");
        (result.Stdout + result.Stderr).Should().NotContain("migpass123456");
    }

    [Fact]
    public async Task LibiscsiThenDevicePathsThenMigrateXml_NetworkVolume_PointsTheDiskAtTheDestinationTarget()
    {
        var lib = await Tool.RunAsync("libiscsi", "--connection-info", Samples.WriteTemp("ci.json", ConnectionInfo($"127.0.0.1:{LivePort}")));
        lib.ExitCode.Should().Be(0, lib.ToString());
        var map = await Tool.RunAsync("device-paths", "--libiscsi", $"{Serial}={Samples.WriteTemp("lib.json", lib.Stdout)}");
        map.ExitCode.Should().Be(0, map.ToString());
        var domain = Samples.WriteTemp("domain.xml", Domain(NetworkDisk("iscsi", "iqn.2026-11.test.mig:src/1")));

        var rewrite = await Tool.RunAsync("migrate-xml", "--domain-xml", domain, "--device-paths", Samples.WriteTemp("map.json", map.Stdout));

        rewrite.ExitCode.Should().Be(0, rewrite.ToString());
        rewrite.Json().GetProperty("xml").GetString().Should()
            .Contain("<source protocol='iscsi' name='iqn.2026-11.test.mig:dst/3'>")
            .And.Contain($"<host name='127.0.0.1' port='{LivePort}' />")
            .And.Contain("<auth username='miguser'><secret type='iscsi' usage='iqn.2026-11.test.mig:dst-lun-3' /></auth>");
    }

    [Fact]
    public async Task MigrateXml_SerialMatchesNoDisk_IsExit7WithJsonAndNoOutputFile()
    {
        var map = Samples.WriteTemp("map.json", """{"device_path": {"no-such-serial": "/dev/dm-0"}}""");
        var domain = Samples.WriteTemp("domain.xml", Domain(BlockDisk("/dev/sdb")));
        var output = Path.Combine(Path.GetDirectoryName(domain)!, "new.xml");

        var result = await Tool.RunAsync("migrate-xml", "--domain-xml", domain, "--device-paths", map, "--output", output);

        result.ExitCode.Should().Be(7, result.ToString());
        result.Json().GetProperty("failure").GetString().Should().Be("serial_not_found");
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("no-such-serial");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task MigrateXml_RbdDiskWithTheSerial_IsExit7UnsupportedDisk()
    {
        var map = Samples.WriteTemp("map.json", $$$"""{"device_path": {"{{{Serial}}}": "/dev/dm-0"}}""");

        var result = await Tool.RunAsync("migrate-xml", "--domain-xml", Samples.WriteTemp("d.xml", Domain(NetworkDisk("rbd", "volumes/v1"))), "--device-paths", map);

        result.ExitCode.Should().Be(7, result.ToString());
        result.Json().GetProperty("failure").GetString().Should().Be("unsupported_disk");
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "<domain><devices>", $$$"""{"device_path": {"{{{Serial}}}": "/dev/dm-0"}}""", "--domain-xml: The domain XML is not well-formed" },
        { "<domain/>", """{"device_path": {"s": "/etc/passwd"}}""", "--device-paths: Destination device map key 'device_path['s']'" },
        { "<domain/>", "{", "--device-paths: Destination device map: the document is not valid" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task MigrateXml_MalformedInput_IsExit2NamingTheOption(string xml, string map, string message)
    {
        var result = await Tool.RunAsync("migrate-xml", "--domain-xml", Samples.WriteTemp("d.xml", xml), "--device-paths", Samples.WriteTemp("m.json", map));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().Contain(message);
    }

    [Theory]
    [InlineData("--target-bus", "pcie", "--target-bus: LibiscsiOptions.TargetBus must be one of")]
    [InlineData("--secret-uuid", "nope", "--secret-uuid: 'nope' is not a UUID")]
    [InlineData("--probe-timeout", "0", "--probe-timeout: 0 is out of range")]
    public async Task Libiscsi_BadOption_IsExit2(string option, string value, string message)
    {
        var result = await Tool.RunAsync("libiscsi", "--connection-info", Samples.WriteTemp("ci.json", ConnectionInfo($"127.0.0.1:{LivePort}")), option, value);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Should().ContainSingle().Which.Should().Contain(message);
    }

    [Fact]
    public async Task Libiscsi_NoPortalAnswers_IsExit3WithJson()
    {
        var result = await Tool.RunAsync("libiscsi", "--connection-info", Samples.WriteTemp("ci.json", ConnectionInfo($"127.0.0.1:{RefusedPort()}")));

        result.ExitCode.Should().Be(3, result.ToString());
        result.Json().GetProperty("failure").GetString().Should().Be("no_reachable_portal");
    }

    [Fact]
    public async Task Libiscsi_MutualChap_IsExit7()
    {
        var info = ConnectionInfo($"127.0.0.1:{LivePort}").Replace("\"auth_method\"", "\"auth_username_in\": \"tgt\", \"auth_password_in\": \"tgtpass-123\", \"auth_method\"");

        var result = await Tool.RunAsync("libiscsi", "--connection-info", Samples.WriteTemp("ci.json", info));

        result.ExitCode.Should().Be(7, result.ToString());
        result.Json().GetProperty("failure").GetString().Should().Be("unsupported_connection_info");
        (result.Stdout + result.Stderr).Should().NotContain("tgtpass-123").And.NotContain("migpass123456");
    }

    [Fact]
    public async Task DevicePaths_NoVolumeOrBadPair_IsExit2()
    {
        (await Tool.RunAsync("device-paths")).ExitCode.Should().Be(2);
        var bad = await Tool.RunAsync("device-paths", "--attachment", "no-equals-sign");
        bad.ExitCode.Should().Be(2);
        bad.StderrLines.Should().ContainSingle().Which.Should().Contain("--attachment: 'no-equals-sign' is not SERIAL=FILE");
    }

    private static string ConnectionInfo(string portal, string? alternative = null)
    {
        var alternatives = alternative is null ? string.Empty : $$"""
            "target_alternative_portals": ["{{alternative}}"], "target_alternative_iqns": ["iqn.2026-11.test.mig:dst"], "target_alternative_luns": [3],
            """;
        return $$"""
            {"driver_volume_type": "iscsi", "data": {"target_portal": "{{portal}}", "target_iqn": "iqn.2026-11.test.mig:dst", "target_lun": 3, {{alternatives}}
             "auth_method": "CHAP", "auth_username": "miguser", "auth_password": "migpass123456", "volume_id": "{{Serial}}"}
            }
            """;
    }

    private static string Domain(string disk) => $"""
        <domain type='kvm'>
          <name>instance-00000001</name>
          <memory unit='KiB'>65536</memory>
          <os><type arch='x86_64' machine='pc'>hvm</type></os>
          <devices>
            {disk}
          </devices>
        </domain>
        """;

    private static string BlockDisk(string path) =>
        $"<disk type='block' device='disk'><source dev='{path}'/><target dev='vdb' bus='virtio'/><serial>{Serial}</serial></disk>";

    private static string NetworkDisk(string protocol, string name) =>
        $"<disk type='network' device='disk'><source protocol='{protocol}' name='{name}'><host name='127.0.0.1' port='3260'/></source><target dev='vdb' bus='virtio'/><serial>{Serial}</serial></disk>";

    private static int RefusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
