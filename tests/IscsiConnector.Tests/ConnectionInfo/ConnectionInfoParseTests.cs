using static IscsiConnector.Tests.Json;
using Model = IscsiConnector.ConnectionInfo;

namespace IscsiConnector.Tests;

public class ConnectionInfoParseTests
{
    private const string Vol1 = "iqn.2010-10.org.openstack:volume-1";

    [Fact]
    public void Parse_SinglePortal_ReadsPrimaryOnly()
    {
        var info = Model.Parse(Data(OnePath));

        info.Primary.Should().Be(new IscsiPath(new IscsiPortal("10.0.0.1", 3260), Vol1, 1));
        info.Alternatives.Should().BeEmpty();
        info.Portals.Should().BeEmpty();
        info.Chap.Should().BeNull();
        info.DriverVolumeType.Should().BeNull();
        info.FailoverOrder.Should().Equal(info.Primary);
        info.MultipathPaths.Should().Equal(info.Primary);
    }

    [Fact]
    public void Parse_CinderAnswer_ReadsDataAndDriverVolumeType()
    {
        var info = Model.Parse(Q("{'driver_volume_type':'iscsi','data':{" + OnePath + "}}"));

        info.DriverVolumeType.Should().Be("iscsi");
        info.Primary.Portal.Host.Should().Be("10.0.0.1");
    }

    [Fact]
    public void Parse_WrappedInConnectionInfo_ReadsData()
    {
        var info = Model.Parse(Q("{'connection_info':{'driver_volume_type':'iscsi','data':{" + OnePath + "}}}"));

        info.DriverVolumeType.Should().Be("iscsi");
        info.Primary.Lun.Should().Be(1);
    }

    [Fact]
    public void Parse_Spec000Example_TriesAlternativesInOrderAfterPrimary()
    {
        // The example from spec 000 (cinder-specs iscsi-alternative-portal), one-digit month included.
        var json = """
            {"connection_info": {"driver_volume_type": "iscsi",
                                 "data": {"target_portal": "10.0.1.2:3260",
                                          "target_alternative_portals": ["10.0.2.2:3260", "10.0.3.2:3260"],
                                          "target_iqn": "iqn.2014-2.org.example:vol1-1",
                                          "target_alternative_iqns": ["iqn.2014-2.org.example:vol1-2", "iqn.2014-2.org.example:vol1-3"],
                                          "target_lun": 1,
                                          "target_alternative_luns": [2, 3]}}}
            """;

        var info = Model.Parse(json);

        info.FailoverOrder.Select(p => p.ToString()).Should().Equal(
            "10.0.1.2:3260 iqn.2014-2.org.example:vol1-1 lun 1",
            "10.0.2.2:3260 iqn.2014-2.org.example:vol1-2 lun 2",
            "10.0.3.2:3260 iqn.2014-2.org.example:vol1-3 lun 3");
        info.MultipathPaths.Should().Equal(info.FailoverOrder);
    }

    [Fact]
    public void Parse_AlternativesWithoutIqnOrLunLists_UsePrimaryIqnAndLun()
    {
        var info = Model.Parse(Data(OnePath + ",'target_alternative_portals':['10.0.0.2:3260','10.0.0.3']"));

        info.Alternatives.Should().Equal(
            new IscsiPath(new IscsiPortal("10.0.0.2"), Vol1, 1),
            new IscsiPath(new IscsiPortal("10.0.0.3"), Vol1, 1));
    }

    [Fact]
    public void Parse_AlternativesWithIqnsButNoLuns_UsePrimaryLun()
    {
        var info = Model.Parse(Data(OnePath + ",'target_alternative_portals':['10.0.0.2'],'target_alternative_iqns':['iqn.2010-10.org.openstack:b']"));

        info.Alternatives.Should().Equal(new IscsiPath(new IscsiPortal("10.0.0.2"), "iqn.2010-10.org.openstack:b", 1));
    }

    [Fact]
    public void Parse_AlternativesWithLunsButNoIqns_UsePrimaryIqn()
    {
        var info = Model.Parse(Data(OnePath + ",'target_alternative_portals':['10.0.0.2'],'target_alternative_luns':['7']"));

        info.Alternatives.Should().Equal(new IscsiPath(new IscsiPortal("10.0.0.2"), Vol1, 7));
    }

    [Fact]
    public void Parse_Spec001Example_PluralKeysOnly_PrimaryIsFirstEntry()
    {
        var info = Model.Parse(Q("{'driver_volume_type':'iscsi','data':{'target_portals':['10.0.1.2:3260','10.0.2.2:3260'],"
            + "'target_iqns':['iqn.2014-2.org.example:vol1-1','iqn.2014-2.org.example:vol1-2'],'target_luns':[1,2]}}"));

        info.Primary.Should().Be(info.Portals[0]);
        info.Portals.Select(p => (p.Portal.Host, p.Iqn, p.Lun)).Should().Equal(
            ("10.0.1.2", "iqn.2014-2.org.example:vol1-1", 1),
            ("10.0.2.2", "iqn.2014-2.org.example:vol1-2", 2));
        info.MultipathPaths.Should().Equal(info.Portals);
        info.FailoverOrder.Should().Equal(info.Portals);
    }

    [Fact]
    public void Parse_PluralPortalsWithoutIqnsAndLuns_UseSingleIqnAndLun()
    {
        var info = Model.Parse(Data(OnePath + ",'target_portals':['10.0.0.1:3260','10.0.0.2:3260']"));

        info.Portals.Should().Equal(
            new IscsiPath(new IscsiPortal("10.0.0.1"), Vol1, 1),
            new IscsiPath(new IscsiPortal("10.0.0.2"), Vol1, 1));
        info.FailoverOrder.Should().HaveCount(2, "the primary is the first portal and appears once");
    }

    [Fact]
    public void Parse_TargetPortalWithPluralListsOnly_TakesIqnAndLunFromMatchingEntry()
    {
        var info = Model.Parse(Data("'target_portal':'10.0.0.2:3260','target_portals':['10.0.0.1','10.0.0.2'],"
            + "'target_iqns':['iqn.2010-10.org.x:a','iqn.2010-10.org.x:b'],'target_luns':[3,4]"));

        info.Primary.Should().Be(new IscsiPath(new IscsiPortal("10.0.0.2"), "iqn.2010-10.org.x:b", 4));
        info.FailoverOrder.Select(p => p.Portal.Host).Should().Equal("10.0.0.2", "10.0.0.1");
    }

    [Fact]
    public void Parse_AlternativesAndPortalsTogether_FailoverIsPrimaryAlternativesThenPortals()
    {
        var info = Model.Parse(Data(OnePath + ",'target_alternative_portals':['10.0.0.9'],'target_portals':['10.0.0.1:3260','10.0.0.2']"));

        info.FailoverOrder.Select(p => p.Portal.Host).Should().Equal("10.0.0.1", "10.0.0.9", "10.0.0.2");
        info.MultipathPaths.Select(p => p.Portal.Host).Should().Equal("10.0.0.1", "10.0.0.2", "10.0.0.9");
    }

    [Fact]
    public void Parse_MissingLun_DefaultsToZeroLikeOsBrick()
    {
        var info = Model.Parse(Data(Portal + "," + Iqn));

        info.Primary.Lun.Should().Be(0);
    }

    [Theory]
    [InlineData("'1'", 1)]
    [InlineData("'16383'", 16383)]
    [InlineData("16383", 16383)]
    [InlineData("0", 0)]
    [InlineData("256", 256)]
    public void Parse_LunAsNumberOrString_ReadsValue(string lun, int expected)
    {
        var info = Model.Parse(Data(Portal + "," + Iqn + ",'target_lun':" + lun));

        info.Primary.Lun.Should().Be(expected);
    }

    [Theory]
    [InlineData("[fd00::1]:3260", "fd00::1", 3260, null)]
    [InlineData("[fd00::1]", "fd00::1", 3260, null)]
    [InlineData("[fd00::1]:3261,2", "fd00::1", 3261, 2)]
    [InlineData("san-a.example.com:3260", "san-a.example.com", 3260, null)]
    [InlineData("storage", "storage", 3260, null)]
    [InlineData("10.0.0.1:3260,1", "10.0.0.1", 3260, 1)]
    [InlineData("10.0.0.1", "10.0.0.1", 3260, null)]
    public void Parse_PortalForms_ReadHostPortAndTag(string portal, string host, int port, int? tpgt)
    {
        var info = Model.Parse(Data("'target_portal':'" + portal + "'," + Iqn));

        info.Primary.Portal.Should().Be(new IscsiPortal(host, port, tpgt));
    }

    [Theory]
    [InlineData("eui.02004567A425678D")]
    [InlineData("naa.52004567BA64678D")]
    [InlineData("naa.62004567BA64678D0123456789ABCDEF")]
    [InlineData("iqn.2024-01.test.vmspike:disk1")]
    [InlineData("iqn.1992-08.com.netapp:sn.84183797:vs.3")]
    [InlineData("iqn.2010-10.org.openstack")]
    public void Parse_TargetNameForms_AreAccepted(string name)
    {
        var info = Model.Parse(Data(Portal + ",'target_iqn':'" + name + "'"));

        info.Primary.Iqn.Should().Be(name);
    }

    [Fact]
    public void Parse_SameIqnDifferentCase_IsDuplicatePortal()
    {
        var act = () => Model.Parse(Data("'target_portals':['10.0.0.1','10.0.0.1'],'target_iqns':['iqn.2010-10.org.x:a','IQN.2010-10.ORG.X:A']"));

        act.Should().Throw<ConnectionInfoException>().Which.Key.Should().Be("target_portals[1]");
    }

    [Fact]
    public void Parse_SamePortalDifferentTargets_IsAllowed()
    {
        var info = Model.Parse(Data("'target_portals':['10.0.0.1','10.0.0.1'],'target_iqns':['iqn.2010-10.org.x:a','iqn.2010-10.org.x:b']"));

        info.MultipathPaths.Should().HaveCount(2);
    }

    [Fact]
    public void Parse_Chap_AppliesCredentials()
    {
        var info = Model.Parse(Data(OnePath + ",'auth_method':'CHAP','auth_username':'u','auth_password':'p w',"
            + "'auth_username_in':'tu','auth_password_in':'tp','discovery_auth_method':'CHAP','discovery_auth_username':'du','discovery_auth_password':'dp'"));

        info.Chap.Should().Be(new ChapCredentials("u", "p w", "tu", "tp"));
        info.Chap!.IsMutual.Should().BeTrue();
        info.DiscoveryChap.Should().Be(new ChapCredentials("du", "dp"));
    }

    [Theory]
    [InlineData("'auth_method':'None'")]
    [InlineData("'auth_method':null,'auth_username':null,'auth_password':null")]
    [InlineData("'auth_method':'','auth_username':'','auth_password':''")]
    public void Parse_NoChapMethod_HasNoCredentials(string chap)
    {
        var info = Model.Parse(Data(OnePath + "," + chap));

        info.Chap.Should().BeNull();
    }

    [Fact]
    public void Parse_OtherKeys_KeptInAdditionalData()
    {
        var info = Model.Parse(Data(OnePath + ",'volume_id':'3f1c','target_discovered':true,'encrypted':false,"
            + "'qos_specs':{'total_iops_sec':'500'},'access_mode':'rw','discard':true,'vendor_x':[1,'a']"));

        info.VolumeId.Should().Be("3f1c");
        info.TargetDiscovered.Should().BeTrue();
        info.AdditionalData.Keys.Should().BeEquivalentTo("encrypted", "qos_specs", "access_mode", "discard", "vendor_x");
        info.AdditionalData["qos_specs"].GetProperty("total_iops_sec").GetString().Should().Be("500");
    }

    [Fact]
    public void Parse_Collections_CannotBeModifiedThroughCasts()
    {
        var info = Model.Parse(Data(OnePath + ",'target_portals':['10.0.0.1:3260'],'target_alternative_portals':['10.0.0.2'],'vendor':1"));

        var lists = new[] { info.Portals, info.Alternatives }.Cast<ICollection<IscsiPath>>();

        lists.Should().OnlyContain(list => list.IsReadOnly);
        ((ICollection<KeyValuePair<string, System.Text.Json.JsonElement>>)info.AdditionalData).IsReadOnly.Should().BeTrue();
    }
}
