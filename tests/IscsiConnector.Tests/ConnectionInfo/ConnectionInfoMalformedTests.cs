using static IscsiConnector.Tests.Json;
using Model = IscsiConnector.ConnectionInfo;

namespace IscsiConnector.Tests;

// Parse is pure (no executor, no file system, no network): a rejected document therefore cannot have run
// a command. The connector's own tests check that its connect path parses before executing anything.
public class ConnectionInfoMalformedTests
{
    private const string I = Json.Iqn;
    private const string P = Json.Portal;
    private const string L = Json.Lun;
    private const string Chap = "'auth_method':'CHAP','auth_username':'user1','auth_password':'" + Secret + "'";

    public static TheoryData<string, string?, string> Malformed => new()
    {
        // Document shape
        { "", null, "not valid JSON" },
        { "{", null, "not valid JSON" },
        { "{'target_portal': '" + Secret, null, "not valid JSON" },
        { "[]", null, "must be a JSON object" },
        { "42", null, "must be a JSON object" },
        { "{'connection_info': 5}", "connection_info", "found a number" },
        { "{'connection_info': {'driver_volume_type':'iscsi','data':5}}", "data", "found a number" },
        { "{'driver_volume_type':'rbd','data':{" + OnePath + "}}", "driver_volume_type", "expected \"iscsi\"" },
        { "{'driver_volume_type':3,'data':{" + OnePath + "}}", "driver_volume_type", "found a number" },
        { "{'driver_volume_type':'iscsi','data':[]}", "data", "found a list" },
        { "{'driver_volume_type':'iscsi','data':'x'}", "data", "found a string" },
        { "{'driver_volume_type':'iscsi'}", "data", "is missing" },
        { "{" + OnePath + ",'target_lun':2}", "target_lun", "more than once" },

        // Missing target
        { "{}", "target_portal", "is missing" },
        { "{" + I + "," + L + "}", "target_portal", "is missing" },
        { "{" + P + "," + L + "}", "target_iqn", "is missing" },

        // Portals
        { "{'target_portal':3260," + I + "}", "target_portal", "expected a string but found a number" },
        { "{'target_portal':'10.0.0.1:0'," + I + "}", "target_portal", "expected a number 1…65535" },
        { "{'target_portal':'10.0.0.1:65536'," + I + "}", "target_portal", "expected a number 1…65535" },
        { "{'target_portal':'10.0.0.1:'," + I + "}", "target_portal", "has port" },
        { "{'target_portal':'10.0.0.1:ab'," + I + "}", "target_portal", "has port" },
        { "{'target_portal':' 10.0.0.1:3260'," + I + "}", "target_portal", "contains whitespace" },
        { "{'target_portal':'-10.0.0.1'," + I + "}", "target_portal", "starts with '-'" },
        { "{'target_portal':'10.0.0.1:3260\\u0007'," + I + "}", "target_portal", "control character" },
        { "{'target_portal':''," + I + "}", "target_portal", "is empty" },
        { "{'target_portal':'10.0.0.256:3260'," + I + "}", "target_portal", "not a valid IPv4 address" },
        { "{'target_portal':'010.0.0.1:3260'," + I + "}", "target_portal", "not a valid IPv4 address" },
        { "{'target_portal':'fd00::1:3260'," + I + "}", "target_portal", "without brackets" },
        { "{'target_portal':'[fd00::1:3260'," + I + "}", "target_portal", "matching ']'" },
        { "{'target_portal':'[storage]:3260'," + I + "}", "target_portal", "not an IPv6 address" },
        { "{'target_portal':'[fd00::zz]:3260'," + I + "}", "target_portal", "not a valid IPv6 address" },
        { "{'target_portal':'san_1.example.com:3260'," + I + "}", "target_portal", "nor a valid DNS name" },
        { "{'target_portal':'10.0.0.1:3260,x'," + I + "}", "target_portal", "portal group tag" },
        { "{'target_portal':'10.0.0.1:3260,70000'," + I + "}", "target_portal", "portal group tag" },

        // Target names
        { "{" + P + ",'target_iqn':'iqn.2010-10.org.openstack volume-1'}", "target_iqn", "contains whitespace" },
        { "{" + P + ",'target_iqn':'iqn.10-10.org.openstack:v'}", "target_iqn", "yyyy-mm date" },
        { "{" + P + ",'target_iqn':'iqn.2010-13.org.openstack:v'}", "target_iqn", "month 13" },
        { "{" + P + ",'target_iqn':'iqn.2010-10.:v'}", "target_iqn", "reversed domain" },
        { "{" + P + ",'target_iqn':'iqn.2010-10.org.openstack:a/b'}", "target_iqn", "characters after ':'" },
        { "{" + P + ",'target_iqn':'iqn.2010-10.org.x:" + new string('a', 220) + "'}", "target_iqn", "223 bytes" },
        { "{" + P + ",'target_iqn':'eui.1234'}", "target_iqn", "16 hexadecimal digits" },
        { "{" + P + ",'target_iqn':'eui.02004567A425678G'}", "target_iqn", "16 hexadecimal digits" },
        { "{" + P + ",'target_iqn':'naa.12345'}", "target_iqn", "16 or 32 hexadecimal digits" },
        { "{" + P + ",'target_iqn':'volume-1'}", "target_iqn", "is not an iSCSI name" },
        { "{" + P + ",'target_iqn':'-iqn.2010-10.org.x:v'}", "target_iqn", "starts with '-'" },
        { "{" + P + ",'target_iqn':5}", "target_iqn", "expected a string" },

        // LUNs
        { "{" + P + "," + I + ",'target_lun':-1}", "target_lun", "cannot be negative" },
        { "{" + P + "," + I + ",'target_lun':16384}", "target_lun", "expected 0…16383" },
        { "{" + P + "," + I + ",'target_lun':99999999999999999999}", "target_lun", "too large" },
        { "{" + P + "," + I + ",'target_lun':1.5}", "target_lun", "not a whole number" },
        { "{" + P + "," + I + ",'target_lun':'1x'}", "target_lun", "not a decimal number" },
        { "{" + P + "," + I + ",'target_lun':' 1'}", "target_lun", "contains whitespace" },
        { "{" + P + "," + I + ",'target_lun':'-3'}", "target_lun", "cannot be negative" },
        { "{" + P + "," + I + ",'target_lun':true}", "target_lun", "found a boolean" },

        // Portal lists (spec 001)
        { "{'target_portals':'10.0.0.1:3260'," + I + "}", "target_portals", "expected a list" },
        { "{'target_portals':[]," + I + "}", "target_portals", "empty list" },
        { "{'target_portals':[1]," + I + "}", "target_portals[0]", "expected a string" },
        { "{'target_portals':['10.0.0.1:3260','10.0.0.2:99999']," + I + "}", "target_portals[1]", "1…65535" },
        { "{'target_portals':['10.0.0.1','10.0.0.2'],'target_iqns':['iqn.2010-10.org.x:a']}", "target_iqns", "has 1 entries but target_portals has 2" },
        { "{'target_portals':['10.0.0.1','10.0.0.2']," + I + ",'target_luns':[1,2,3]}", "target_luns", "has 3 entries but target_portals has 2" },
        { "{'target_portals':['10.0.0.1','10.0.0.2'],'target_iqns':['iqn.2010-10.org.x:a','iqn bad']}", "target_iqns[1]", "contains whitespace" },
        { "{'target_portals':['10.0.0.1'],'target_luns':[1]}", "target_iqns", "is missing and so is target_iqn" },
        { "{" + OnePath + ",'target_iqns':['iqn.2010-10.org.x:a']}", "target_portals", "is missing but target_iqns" },
        { "{'target_portals':['10.0.0.1:3260','10.0.0.1']," + I + "}", "target_portals[1]", "repeats target_portals[0]" },
        { "{'target_portals':['[FD00::1]:3260','[fd00:0::1]']," + I + "}", "target_portals[1]", "repeats target_portals[0]" },

        // Alternative portals (spec 000)
        { "{" + OnePath + ",'target_alternative_portals':[]}", "target_alternative_portals", "empty list" },
        { "{" + OnePath + ",'target_alternative_portals':['10.0.0.1:3260']}", "target_alternative_portals[0]", "repeats the primary" },
        { "{" + OnePath + ",'target_alternative_portals':['10.0.0.2','10.0.0.3'],'target_alternative_luns':[2]}", "target_alternative_luns", "has 1 entries" },
        { "{" + OnePath + ",'target_alternative_iqns':['iqn.2010-10.org.x:a']}", "target_alternative_portals", "is missing" },
        { "{" + OnePath + ",'target_alternative_portals':['10.0.0.2'],'target_alternative_luns':[20000]}", "target_alternative_luns[0]", "expected 0…16383" },

        // CHAP
        { "{" + OnePath + ",'auth_method':'PAP'}", "auth_method", "expected \"CHAP\" or \"None\"" },
        { "{" + OnePath + ",'auth_method':'CHAP','auth_password':'" + Secret + "'}", "auth_username", "is missing" },
        { "{" + OnePath + ",'auth_method':'CHAP','auth_username':'user1'}", "auth_password", "is missing" },
        { "{" + OnePath + ",'auth_method':'CHAP','auth_username':'user1','auth_password':''}", "auth_password", "is empty" },
        { "{" + OnePath + ",'auth_method':'CHAP','auth_username':'user1','auth_password':'" + Secret + "\\u0001'}", "auth_password", "control character" },
        { "{" + OnePath + ",'auth_method':'CHAP','auth_username':'user1','auth_password':'-" + Secret + "'}", "auth_password", "starts with '-'" },
        { "{" + OnePath + ",'auth_method':'CHAP','auth_username':'user1','auth_password':' " + Secret + "'}", "auth_password", "whitespace" },
        { "{" + OnePath + ",'auth_method':'CHAP','auth_username':'user1','auth_password':42}", "auth_password", "expected a string" },
        { "{" + OnePath + ",'auth_method':'CHAP','auth_username':'-o','auth_password':'" + Secret + "'}", "auth_username", "starts with '-'" },
        { "{" + OnePath + "," + Chap + ",'auth_username_in':'target1'}", "auth_password_in", "mutual CHAP" },
        { "{" + OnePath + "," + Chap + ",'auth_password_in':'" + Secret + "'}", "auth_username_in", "mutual CHAP" },
        { "{" + OnePath + "," + Chap + ",'auth_username_in':'t','auth_password_in':'" + Secret + "\\n'}", "auth_password_in", "control character" },
        { "{" + OnePath + ",'auth_username':'user1','auth_password':'" + Secret + "'}", "auth_username", "auth_method is missing" },
        { "{" + OnePath + ",'auth_method':'None','auth_password':'" + Secret + "'}", "auth_password", "auth_method is \"None\"" },
        { "{" + OnePath + ",'discovery_auth_method':'CHAP'}", "discovery_auth_username", "is missing" },
        { "{" + OnePath + ",'discovery_auth_method':'CHAP','discovery_auth_username':'d','discovery_auth_password':'" + Secret + "\\t'}", "discovery_auth_password", "control character" },

        // Other keys
        { "{" + OnePath + ",'target_discovered':'yes'}", "target_discovered", "true or false" },
        { "{" + OnePath + ",'volume_id':5}", "volume_id", "expected a string" },
        { "{" + OnePath + ",'volume_id':'v\\u0000'}", "volume_id", "control character" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_MalformedDocument_ThrowsNamingKeyAndProblem(string json, string? key, string fragment)
    {
        var act = () => Model.Parse(Q(json));

        var error = act.Should().Throw<ConnectionInfoException>().Which;
        error.Key.Should().Be(key);
        error.Message.Should().Contain(fragment);
        if (key is not null)
        {
            error.Message.Should().Contain($"'{key}'");
        }

        error.Message.Should().NotContain(Secret);
        error.ToString().Should().NotContain(Secret);
    }

    [Fact]
    public void Malformed_Table_HasAtLeastFortyRows() => Malformed.Count().Should().BeGreaterThanOrEqualTo(40);

    [Fact]
    public void Parse_NullText_ThrowsArgumentNullException()
    {
        var act = () => Model.Parse(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
