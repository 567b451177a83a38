using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Transports;
using static IscsiConnector.Tests.Testing.TestBed;

namespace IscsiConnector.Tests.Serialization;

public sealed partial class VolumeAttachmentJsonTests
{
    private const string Iqn = "iqn.2010-10.org.openstack:volume-00000002";
    private const string Wwn = "360000000000000000e00000000010001";

    private static IscsiPath PathOf(string address, int lun = 1) => new(IscsiPortal.Parse(address), Iqn, lun);

    /// <summary>A multipath attachment using every field: a failed portal, a portal undone, a transport fallback.</summary>
    private static VolumeAttachment Multipath() => new()
    {
        Path = "/dev/dm-0",
        ScsiWwn = Wwn,
        MultipathId = Wwn,
        MultipathName = "mpatha",
        Devices =
        [
            new AttachedDevice("sda", PathOf("127.0.0.1:3260"), new ScsiAddress(2, 0, 0, 1), 1) { Wwn = Wwn },
            new AttachedDevice("sdb", PathOf("[fd00::2]:3261"), new ScsiAddress(3, 0, 0, 1), 2) { Wwn = Wwn },
        ],
        Portals =
        [
            new PortalOutcome(PathOf("127.0.0.1:3260"), LoginOutcome.LoggedIn, TimeSpan.FromMilliseconds(946)) { Device = "sda", Iface = "default" },
            new PortalOutcome(PathOf("[fd00::2]:3261"), LoginOutcome.AlreadyLoggedIn, TimeSpan.FromMilliseconds(12))
            {
                Device = "sdb",
                Iface = "default",
                TransportFallback = new TransportFallbackInfo("cxgb4i.00:07:43:aa:bb:cc", IscsiTransportFailureReason.HardwareNotFound, "no cxgb4i host with 00:07:43:aa:bb:cc."),
            },
            new PortalOutcome(PathOf("127.0.0.3:3260"), LoginOutcome.Failed, TimeSpan.FromMilliseconds(6435))
            {
                Failure = PortalFailureKind.LoginFailed,
                ErrorKind = IscsiErrorKind.Unreachable,
                NativeCode = 8,
                Message = "'iscsiadm … --login' failed with exit code 8.",
                Iface = "default",
            },
            new PortalOutcome(PathOf("127.0.0.4:3260"), LoginOutcome.Skipped, TimeSpan.Zero) { Message = "Logged in, then undone: RequireAllPaths is set and another path failed." },
        ],
        Elapsed = TimeSpan.FromMilliseconds(7412),
    };

    [Fact]
    public void ToJson_Multipath_ParsedAgainIsEqualInEveryField()
    {
        var original = Multipath();

        var again = VolumeAttachment.Parse(original.ToJson());

        again.Should().BeEquivalentTo(original, o => o.ComparingRecordsByMembers());
        again.ToJson().Should().Be(original.ToJson(), "writing is deterministic");
    }

    [Fact]
    public void ToJson_Multipath_HasOsBricksDeviceInfoKeysFirstThenSnakeCase()
    {
        var json = JsonNode.Parse(Multipath().ToJson())!.AsObject();

        json.Select(p => p.Key).Should().StartWith(["type", "path", "scsi_wwn", "multipath_id"]);
        json["type"]!.GetValue<string>().Should().Be("block");
        json["multipath_id"]!.GetValue<string>().Should().Be(Wwn);
        json["elapsed_ms"]!.GetValue<long>().Should().Be(7412);
        var device = json["devices"]![0]!.AsObject();
        device.Select(p => p.Key).Should().Equal("name", "path", "portal", "iqn", "lun", "hctl", "session_id", "wwn");
        device["hctl"]!.GetValue<string>().Should().Be("2:0:0:1");
        var failed = json["portals"]![2]!.AsObject();
        failed["outcome"]!.GetValue<string>().Should().Be("failed");
        failed["failure"]!.GetValue<string>().Should().Be("login_failed");
        failed["exit_code"]!.GetValue<int>().Should().Be(8);
        failed["error_kind"]!.GetValue<string>().Should().Be("unreachable");
        failed["error"]!.GetValue<string>().Should().Be(failed["message"]!.GetValue<string>());
        json["portals"]![1]!["outcome"]!.GetValue<string>().Should().Be("already_logged_in");
        json["portals"]![1]!["transport_fallback"]!["reason"]!.GetValue<string>().Should().Be("hardware_not_found");
        json["portals"]![3]!["error"].Should().BeNull("only a failed portal has an error");
    }

    [Fact]
    public void ToJson_SinglePath_OmitsTheMultipathKeys()
    {
        var single = Multipath() with { Path = "/dev/sda", MultipathId = null, MultipathName = null, ByPath = "/dev/disk/by-path/ip-127.0.0.1:3260-iscsi-" + Iqn + "-lun-1" };

        var json = JsonNode.Parse(single.ToJson())!.AsObject();

        json.Should().NotContainKey("multipath_id").And.NotContainKey("multipath_name");
        VolumeAttachment.Parse(single.ToJson()).Should().BeEquivalentTo(single, o => o.ComparingRecordsByMembers());
    }

    public static TheoryData<string, string, string?> OsBrickDeviceInfo => new()
    {
        // os_brick/initiator/connectors/iscsi.py _get_connect_result: {'type': 'block', 'scsi_wwn': wwn, 'path': device} (+ multipath_id).
        { """{"type": "block", "scsi_wwn": "360000000000000000e00000000010001", "path": "/dev/sda"}""", "/dev/sda", null },
        { """{"type": "block", "scsi_wwn": "360000000000000000e00000000010001", "path": "/dev/dm-0", "multipath_id": "360000000000000000e00000000010001"}""", "/dev/dm-0", Wwn },
        // A dict as Nova stores it in the BDM's connection_info, with keys os-brick does not write: ignored.
        { """{"type": "block", "scsi_wwn": "", "path": "/dev/sdc", "encrypted": false}""", "/dev/sdc", null },
    };

    [Theory]
    [MemberData(nameof(OsBrickDeviceInfo))]
    public void Parse_OsBrickDeviceInfo_ReadsPathAndWwnWithNoDevicesToTrust(string json, string path, string? multipathId)
    {
        var attachment = VolumeAttachment.Parse(json);

        attachment.Path.Should().Be(path);
        attachment.MultipathId.Should().Be(multipathId);
        attachment.IsMultipath.Should().Be(multipathId is not null);
        attachment.Devices.Should().BeEmpty("os-brick does not record the paths; a disconnect finds them through sysfs");
        attachment.Portals.Should().BeEmpty();
        attachment.ToDictionary().Should().BeEquivalentTo(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!
            .Where(p => p.Key != "encrypted").ToDictionary(p => p.Key, p => p.Value.GetString()));
    }

    [Theory]
    [InlineData("device-info-multipath.json", "/dev/dm-3", true)]
    [InlineData("device-info-single.json", "/dev/sdb", false)]
    public void Parse_RealOsBrickOutput_MatchesWhatOsBrickReturned(string file, string path, bool multipath)
    {
        // Printed by os-brick's own ISCSIConnector._get_connect_result (Fixtures/README.md).
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "os-brick", file));

        var attachment = VolumeAttachment.Parse(json);

        attachment.Path.Should().Be(path);
        attachment.ScsiWwn.Should().Be("3600140512345678901234567890abcde");
        attachment.IsMultipath.Should().Be(multipath);
        attachment.ToDictionary().Should().BeEquivalentTo(JsonSerializer.Deserialize<Dictionary<string, string>>(json), "os-brick's dict comes back key for key");
    }

    [Fact]
    public async Task ToJson_RealFailoverAttachOnTheSimulatedHost_DisconnectsFromTheParsedCopy()
    {
        var time = new SimulatedTimeProvider();
        var host = SimulatedIscsiHost.FromScenario(File.ReadAllText(RepositoryFile("samples/scenarios/primary-down.json")), time);
        var connector = host.CreateConnector();
        var info = ConnectionInfo.Parse(File.ReadAllText(RepositoryFile("samples/connection-info/failover.json")));
        var attached = await connector.ConnectVolumeAsync(info);

        var stored = VolumeAttachment.Parse(attached.ToJson());
        var result = await connector.DisconnectVolumeAsync(info, stored);

        stored.Portals.Select(p => p.Outcome).Should().Equal(attached.Portals.Select(p => p.Outcome));
        stored.Devices.Should().Equal(attached.Devices);
        result.IsClean.Should().BeTrue();
        host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public void Serialize_InsideAUsersOwnSourceGeneratedRecord_UsesTheAttachmentShape()
    {
        var stored = new StoredVolume("vol-1", Multipath());

        var json = JsonSerializer.Serialize(stored, UserContext.Default.StoredVolume);
        var again = JsonSerializer.Deserialize(json, UserContext.Default.StoredVolume)!;

        JsonNode.Parse(json)!["attachment"]!["scsi_wwn"]!.GetValue<string>().Should().Be(Wwn);
        again.Attachment.Should().BeEquivalentTo(stored.Attachment, o => o.ComparingRecordsByMembers());
    }

    public sealed record StoredVolume(string VolumeId, VolumeAttachment Attachment);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(StoredVolume))]
    private sealed partial class UserContext : JsonSerializerContext;
}
