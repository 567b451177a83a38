using static IscsiConnector.Tests.Json;
using Model = IscsiConnector.ConnectionInfo;

namespace IscsiConnector.Tests;

public class ConnectionInfoRoundTripTests
{
    public static TheoryData<string> Documents => new()
    {
        Data(OnePath),
        Data(Portal + "," + Iqn),
        Data("'target_portal':'[fd00::1]:3260,3','target_iqn':'eui.02004567A425678D','target_lun':'16383'"),
        Data(OnePath + ",'target_alternative_portals':['10.0.0.2','san.example.com:3261,4'],'target_alternative_luns':[2,3]"),
        Data("'target_portals':['10.0.1.2:3260','10.0.2.2:3260'],'target_iqns':['iqn.2014-2.org.example:vol1-1','iqn.2014-2.org.example:vol1-2'],'target_luns':[1,2]"),
        Data(OnePath + ",'target_portals':['10.0.0.1:3260','10.0.0.2'],'target_alternative_portals':['10.0.0.9']"),
        Data(OnePath + ",'auth_method':'CHAP','auth_username':'u','auth_password':'" + Secret + "','auth_username_in':'t','auth_password_in':'x',"
            + "'discovery_auth_method':'chap','discovery_auth_username':'d','discovery_auth_password':'y'"),
        Data(OnePath + ",'volume_id':'3f1c','target_discovered':true,'encrypted':false,'qos_specs':{'read_iops_sec':'100','n':[1,2.5,null]},"
            + "'access_mode':'rw','discard':true,'cacheable':null"),
        Q("{'driver_volume_type':'iscsi','data':{" + OnePath + "}}"),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void ToJson_ParsedAgain_IsSemanticallyEqual(string json)
    {
        var original = Model.Parse(json);

        var again = Model.Parse(original.ToJson());

        again.ShouldBeSemanticallyEqual(original);
        again.ToJson().Should().Be(original.ToJson(), "writing is deterministic");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void ToJsonWithEnvelope_ParsedAgain_KeepsDriverVolumeType(string json)
    {
        var original = Model.Parse(json);

        var again = Model.Parse(original.ToJson(includeEnvelope: true));

        again.ShouldBeSemanticallyEqual(original);
        again.DriverVolumeType.Should().Be("iscsi");
    }

    [Fact]
    public void ToJson_WritesCinderKeys()
    {
        var info = Model.Parse(Data(OnePath + ",'target_alternative_portals':['10.0.0.2']"));

        var json = info.ToJson();

        json.Should().Be(Q("{'target_discovered':false,'target_portal':'10.0.0.1:3260','target_iqn':'iqn.2010-10.org.openstack:volume-1','target_lun':1,"
            + "'target_alternative_portals':['10.0.0.2:3260'],'target_alternative_iqns':['iqn.2010-10.org.openstack:volume-1'],'target_alternative_luns':[1]}"));
    }

    [Fact]
    public void ToString_WithChapSecrets_NeverShowsThem()
    {
        var info = Model.Parse(Data(OnePath + ",'auth_method':'CHAP','auth_username':'u','auth_password':'" + Secret + "',"
            + "'auth_username_in':'t','auth_password_in':'In" + Secret + "','discovery_auth_method':'CHAP','discovery_auth_username':'d','discovery_auth_password':'D" + Secret + "'"));

        var shown = string.Join("\n", info.ToString(), info.Chap!.ToString(), info.DiscoveryChap!.ToString(), info.Primary.ToString(), info.Primary.Portal.ToString());

        shown.Should().NotContain(Secret);
        shown.Should().Contain("user u").And.Contain("***");
    }

    [Fact]
    public void FromProviderLocation_Spec000Example_PrimaryIsFirstAndPortalsAreAll()
    {
        var info = Model.FromProviderLocation("10.0.1.2:3260;10.0.2.2:3260,0 iqn.2010-10.org.openstack:volume-12345678-abcd-1234-5678-12345678abcd");

        info.Primary.Should().Be(new IscsiPath(new IscsiPortal("10.0.1.2", 3260, 0), "iqn.2010-10.org.openstack:volume-12345678-abcd-1234-5678-12345678abcd", 0));
        info.Portals.Select(p => p.Portal.ToString()).Should().Equal("10.0.1.2:3260,0", "10.0.2.2:3260,0");
        info.FailoverOrder.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("10.0.0.1:3260,1 iqn.2010-10.org.openstack:volume-1 5", 5, 1)]
    [InlineData("10.0.0.1:3260,1 iqn.2010-10.org.openstack:volume-1 None", 0, 1)]
    [InlineData("10.0.0.1:3260 iqn.2010-10.org.openstack:volume-1", 0, null)]
    [InlineData("[fd00::1]:3260,2 iqn.2010-10.org.openstack:volume-1 300", 300, 2)]
    public void FromProviderLocation_SinglePortal_ReadsLunAndTag(string location, int lun, int? tpgt)
    {
        var info = Model.FromProviderLocation(location);

        info.Primary.Lun.Should().Be(lun);
        info.Primary.Portal.Tpgt.Should().Be(tpgt);
        info.Portals.Should().BeEmpty();
    }

    [Fact]
    public void FromProviderLocation_NoLun_UsesDefaultLun()
    {
        Model.FromProviderLocation("10.0.0.1:3260,1 iqn.2010-10.org.openstack:volume-1", defaultLun: 1).Primary.Lun.Should().Be(1);
    }

    [Theory]
    [InlineData("10.0.0.1:3260;10.0.0.2:3260,1 iqn.2010-10.org.openstack:volume-1 1")]
    [InlineData("[fd00::1]:3260 iqn.2010-10.org.openstack:volume-1 0")]
    [InlineData("10.0.0.1:3260,7 eui.02004567A425678D 16383")]
    public void ToProviderLocation_FromProviderLocation_RoundTrips(string location)
    {
        Model.FromProviderLocation(location).ToProviderLocation().Should().Be(location);
    }

    [Fact]
    public void ToProviderLocation_FromParsedJson_WritesPortalsTagIqnLun()
    {
        var info = Model.Parse(Data("'target_portal':'10.0.0.1:3260,1'," + Iqn + "," + Lun + ",'target_portals':['10.0.0.1:3260,1','10.0.0.2:3260,1']"));

        var location = info.ToProviderLocation();

        location.Should().Be("10.0.0.1:3260;10.0.0.2:3260,1 iqn.2010-10.org.openstack:volume-1 1");
        Model.FromProviderLocation(location).ShouldBeSemanticallyEqual(info);
    }

    [Fact]
    public void ToProviderLocation_PathsWithDifferentIqns_Throws()
    {
        var info = Model.Parse(Data(OnePath + ",'target_alternative_portals':['10.0.0.2'],'target_alternative_iqns':['iqn.2010-10.org.x:other']"));

        var act = info.ToProviderLocation;

        act.Should().Throw<InvalidOperationException>().WithMessage("*one IQN*");
    }

    [Theory]
    [InlineData("", "wrong shape")]
    [InlineData("10.0.0.1:3260", "wrong shape")]
    [InlineData("10.0.0.1:3260 iqn.2010-10.org.x:v 1 extra", "wrong shape")]
    [InlineData("10.0.0.1:3260\tiqn.2010-10.org.x:v 1", "wrong shape")]
    [InlineData("10.0.0.1:99999,1 iqn.2010-10.org.x:v 1", "1…65535")]
    [InlineData("10.0.0.1:3260;;10.0.0.2:3260 iqn.2010-10.org.x:v 1", "is empty")]
    [InlineData("10.0.0.1:3260,x iqn.2010-10.org.x:v 1", "portal group tag")]
    [InlineData("10.0.0.1:3260,1 volume-1 1", "not an iSCSI name")]
    [InlineData("10.0.0.1:3260,1 iqn.2010-10.org.x:v -1", "expected a number 0…16383")]
    [InlineData("10.0.0.1:3260,1 iqn.2010-10.org.x:v 16384", "expected a number 0…16383")]
    [InlineData("10.0.0.1:3260;10.0.0.1:3260,1 iqn.2010-10.org.x:v 1", "repeats")]
    public void FromProviderLocation_Malformed_ThrowsNamingProviderLocation(string location, string fragment)
    {
        var act = () => Model.FromProviderLocation(location);

        var error = act.Should().Throw<ConnectionInfoException>().Which;
        error.Key.Should().Be("provider_location");
        error.Message.Should().Contain(fragment);
    }
}
