using Model = IscsiConnector.ConnectionInfo;

namespace IscsiConnector.Tests;

public class IscsiPortalAndPathTests
{
    [Theory]
    [InlineData("10.0.0.1:3260,1", "10.0.0.1:3260,1", "10.0.0.1:3260")]
    [InlineData("[fd00::1]", "[fd00::1]:3260", "fd00::1:3260")]
    [InlineData("Storage.Example.com:3261", "Storage.Example.com:3261", "Storage.Example.com:3261")]
    public void Parse_ValidPortal_FormatsAddressAndByPathAddress(string text, string shown, string byPath)
    {
        var portal = IscsiPortal.Parse(text);

        portal.ToString().Should().Be(shown);
        portal.ByPathAddress.Should().Be(byPath);
    }

    [Theory]
    [InlineData("10.0.0.1:0")]
    [InlineData("fd00::1")]
    [InlineData("-p")]
    [InlineData("")]
    public void Parse_InvalidPortal_ThrowsFormatException(string text)
    {
        var act = () => IscsiPortal.Parse(text);

        act.Should().Throw<FormatException>().WithMessage("Portal *");
        IscsiPortal.TryParse(text, out var portal).Should().BeFalse();
        portal.Should().BeNull();
    }

    [Fact]
    public void SameAddressAs_DifferentTagSameAddress_IsTrue()
    {
        IscsiPortal.Parse("[FD00::1]:3260,1").SameAddressAs(IscsiPortal.Parse("[fd00:0:0::1],2")).Should().BeTrue();
    }

    [Theory]
    [InlineData(0, LunAddressing.Sam, "0")]
    [InlineData(255, LunAddressing.Sam, "255")]
    [InlineData(256, LunAddressing.Sam, "0x0100000000000000")]
    [InlineData(4096, LunAddressing.Sam, "0x1000000000000000")]
    [InlineData(16383, LunAddressing.Sam, "0x3fff000000000000")]
    [InlineData(255, LunAddressing.Sam2, "255")]
    [InlineData(300, LunAddressing.Sam2, "0x412c000000000000")]
    [InlineData(16383, LunAddressing.Sam2, "0x7fff000000000000")]
    [InlineData(1, LunAddressing.Sam3Flat, "0x4001000000000000")]
    public void ByPathLun_FollowsUdevFormatLunNumberOfTheHostsLun(int lun, LunAddressing addressing, string expected)
    {
        new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", lun) { Addressing = addressing }.ByPathLun.Should().Be(expected);
    }

    [Theory]
    [InlineData(1, LunAddressing.Sam2, 1)]
    [InlineData(300, LunAddressing.Sam2, 16684)]
    [InlineData(300, LunAddressing.Sam, 300)]
    [InlineData(1, LunAddressing.Sam3Flat, 16385)]
    public void ScsiLun_IsOsBricksLunForAddressing(int lun, LunAddressing addressing, int expected)
    {
        new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", lun) { Addressing = addressing }.ScsiLun.Should().Be(expected);
    }

    [Theory]
    [InlineData("iqn.2010-10.org.openstack:volume-1", true)]
    [InlineData("IQN.2010-10.ORG.OPENSTACK:VOLUME-1", true)]
    [InlineData("eui.02004567a425678d", true)]
    [InlineData("naa.62004567BA64678D0123456789ABCDEF", true)]
    [InlineData("iqn.2010-10", false)]
    [InlineData("naa.62004567BA64678D01", false)]
    [InlineData(null, false)]
    public void IsValidTargetName_ChecksRfc3720Forms(string? name, bool valid)
    {
        IscsiPath.IsValidTargetName(name).Should().Be(valid);
    }

    [Fact]
    public void TargetNameComparer_IgnoresCase()
    {
        IscsiPath.TargetNameComparer.Equals("iqn.2010-10.org.x:A", "IQN.2010-10.org.X:a").Should().BeTrue();
    }

    [Fact]
    public void Validate_ProgrammaticModel_ReturnsSameInstance()
    {
        var info = new Model
        {
            Primary = new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", 1),
            Alternatives = [new IscsiPath(new IscsiPortal("10.0.0.2"), "iqn.2010-10.org.x:v", 1)],
            Chap = new ChapCredentials("u", "p"),
        };

        info.Validate().Should().BeSameAs(info);
    }

    public static TheoryData<Model, string> InvalidModels => new()
    {
        { new Model { Primary = new IscsiPath(new IscsiPortal("10.0.0.1", 0), "iqn.2010-10.org.x:v", 1) }, "target_portal" },
        { new Model { Primary = new IscsiPath(new IscsiPortal("bad host"), "iqn.2010-10.org.x:v", 1) }, "target_portal" },
        { new Model { Primary = new IscsiPath(new IscsiPortal("10.0.0.1", Tpgt: -1), "iqn.2010-10.org.x:v", 1) }, "target_portal" },
        { new Model { Primary = new IscsiPath(new IscsiPortal("10.0.0.1"), "nope", 1) }, "target_iqn" },
        { new Model { Primary = new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", 16384) }, "target_lun" },
        {
            new Model
            {
                Primary = new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", 1),
                Alternatives = [new IscsiPath(new IscsiPortal("10.0.0.2"), "iqn.2010-10.org.x:v", -1)],
            },
            "target_alternative_luns[0]"
        },
        {
            new Model
            {
                Primary = new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", 1),
                Portals = [new IscsiPath(new IscsiPortal("10.0.0.2"), "iqn.2010-10.org.x:v", 1), new IscsiPath(new IscsiPortal("10.0.0.2"), "iqn.2010-10.org.x:v", 1)],
            },
            "target_portals[1]"
        },
        { new Model { Primary = new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", 1), Chap = new ChapCredentials("u", "-x") }, "auth_password" },
        { new Model { Primary = new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", 1), DiscoveryChap = new ChapCredentials("u", "p") { Method = "PAP" } }, "discovery_auth_method" },
        { new Model { Primary = new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", 1), Chap = new ChapCredentials("u", "p", "t") }, "auth_password_in" },
        { new Model { Primary = new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", 1), DriverVolumeType = "rbd" }, "driver_volume_type" },
        {
            new Model
            {
                Primary = new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", 1),
                AdditionalData = new Dictionary<string, System.Text.Json.JsonElement> { ["auth_password"] = System.Text.Json.JsonDocument.Parse("\"x\"").RootElement },
            },
            "auth_password"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidModels))]
    public void Validate_InvalidProgrammaticModel_ThrowsNamingCinderKey(Model info, string key)
    {
        var act = info.Validate;

        act.Should().Throw<ConnectionInfoException>().Which.Key.Should().Be(key);
    }
}
