using System.Text;
using static IscsiConnector.Tests.Json;
using Model = IscsiConnector.ConnectionInfo;

namespace IscsiConnector.Tests;

/// <summary>
/// Input bounds (issue 12, item 8): oversize documents, lists and values are refused naming the key, before work
/// proportional to their size; invalid text is refused rather than silently decoded into a different secret.
/// How long validation takes as lists grow is measured by the benchmarks' input-scale suite, not here.
/// </summary>
public class ConnectionInfoBoundsTests
{
    private const string ChapPrefix = "'auth_method':'CHAP','auth_username':'user1','auth_password':";

    [Fact]
    public void Parse_DocumentOverOneMebibyte_ThrowsForTheWholeDocument()
    {
        var text = Data(OnePath + ",'padding':'" + new string('x', ConnectionInfoLimits.MaxDocumentBytes) + "'");

        var error = FluentActions.Invoking(() => Model.Parse(text)).Should().Throw<ConnectionInfoException>().Which;

        error.Key.Should().BeNull();
        error.Message.Should().Contain("at most 1048576");
    }

    [Fact]
    public void ParseUtf8_DocumentOverOneMebibyte_ThrowsBeforeParsing()
    {
        // Zero bytes are not JSON: the size check has to come first for the message to be about the size.
        var bytes = new byte[ConnectionInfoLimits.MaxDocumentBytes + 1];

        var error = FluentActions.Invoking(() => Model.ParseUtf8(bytes)).Should().Throw<ConnectionInfoException>().Which;

        error.Message.Should().Contain("1048577 bytes long").And.Contain("at most 1048576");
    }

    [Theory]
    [InlineData("target_portals")]
    [InlineData("target_alternative_portals")]
    [InlineData("target_iqns")]
    [InlineData("target_luns")]
    public void Parse_ListOverTheCap_ThrowsNamingTheList(string key)
    {
        var entries = Enumerable.Range(0, ConnectionInfoLimits.MaxPaths + 1).Select(i => key switch
        {
            "target_luns" => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "target_iqns" => "'iqn.2010-10.org.openstack:volume-1'",
            _ => $"'10.0.{i / 256}.{i % 256}:3260'",
        });
        var text = Data(OnePath + $",'{key}':[{string.Join(',', entries)}]");

        var error = FluentActions.Invoking(() => Model.Parse(text)).Should().Throw<ConnectionInfoException>().Which;

        error.Key.Should().Be(key);
        error.Message.Should().Contain("has 257 entries; expected at most 256");
    }

    [Fact]
    public void Parse_ListAtTheCap_IsAccepted()
    {
        var portals = Enumerable.Range(0, ConnectionInfoLimits.MaxPaths).Select(i => $"'10.0.{i / 256}.{i % 256}:3260'");

        var info = Model.Parse(Data(OnePath + $",'target_portals':[{string.Join(',', portals)}]"));

        info.Portals.Should().HaveCount(256);
        info.FailoverOrder.Should().HaveCount(256, "the primary 10.0.0.1 is also in the list");
    }

    [Fact]
    public void Validate_ModelBuiltInCodeOverTheCap_ThrowsNamingTheList()
    {
        var paths = Enumerable.Range(0, 300).Select(i => new IscsiPath(new IscsiPortal($"10.0.{i / 256}.{i % 256}"), "iqn.2010-10.org.openstack:volume-1", 1)).ToList();
        var info = new Model { Primary = paths[0], Portals = paths };

        var error = FluentActions.Invoking(() => info.Validate()).Should().Throw<ConnectionInfoException>().Which;

        error.Key.Should().Be("target_portals");
    }

    [Fact]
    public void Validate_DuplicateFarApart_NamesBothEntries()
    {
        var paths = Enumerable.Range(0, 200).Select(i => new IscsiPath(new IscsiPortal($"10.0.0.{i + 1}"), "iqn.2010-10.org.openstack:volume-1", 1)).ToList();
        paths.Add(new IscsiPath(new IscsiPortal("10.0.0.7", 3260), "IQN.2010-10.org.openstack:volume-1", 9));
        var info = new Model { Primary = paths[0], Portals = paths };

        var error = FluentActions.Invoking(() => info.Validate()).Should().Throw<ConnectionInfoException>().Which;

        error.Key.Should().Be("target_portals[200]");
        error.Message.Should().Contain("repeats target_portals[6] (10.0.0.7:3260)");
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { ChapPrefix + "'" + new string('s', 256) + "'", "auth_password", "longer than 255 UTF-8 bytes" },
        { ChapPrefix + "'" + new string('é', 128) + "'", "auth_password", "longer than 255 UTF-8 bytes" },
        { "'auth_method':'CHAP','auth_username':'" + new string('u', 300) + "','auth_password':'" + Secret + "'", "auth_username", "longer than 255" },
        { ChapPrefix + "'" + Secret + "\\ud800'", "auth_password", "not valid UTF-8 text" },
        { ChapPrefix + "'" + Secret + "\\udc00x'", "auth_password", "not valid UTF-8 text" },
        { ChapPrefix + "'" + Secret + "\uFFFD'", "auth_password", "U+FFFD" },
        { "'discovery_auth_method':'CHAP','discovery_auth_username':'d','discovery_auth_password':'" + Secret + "\\ud800'", "discovery_auth_password", "not valid UTF-8 text" },
        { "'volume_id':'" + new string('v', 256) + "'", "volume_id", "256 characters long; expected at most 255" },
        { "'volume_id':'abc\\u202Eexe.txt'", "volume_id", "invisible formatting character" },
        { "'volume_id':'abc\\u2066x\\u2069'", "volume_id", "U+2066" },
        { "'volume_id':'abc\\u200Fx'", "volume_id", "U+200F" },
        { "'volume_id':'line\\u2028two'", "volume_id", "line separator" },
        { "'volume_id':'v\\u001b[31m'", "volume_id", "control character" },
        { "'volume_id':'v\\ud800'", "volume_id", "not valid UTF-8 text" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Parse_BadValue_ThrowsNamingTheKeyWithoutTheSecret(string body, string key, string fragment)
    {
        var error = FluentActions.Invoking(() => Model.Parse(Data(OnePath + "," + body))).Should().Throw<ConnectionInfoException>().Which;

        error.Key.Should().Be(key);
        error.Message.Should().Contain($"'{key}'").And.Contain(fragment).And.NotContain(Secret).And.NotContain("sssss");
    }

    [Theory]
    [InlineData("3f2a3e88-2b0d-4f6e-9c7f-0a1b2c3d4e5f")]
    [InlineData("volume ünïcode 卷")]
    [InlineData("emoji 💾 id")]
    public void Parse_PrintableVolumeId_IsAccepted(string id) =>
        Model.Parse(Data(OnePath + ",'volume_id':'" + id + "'")).VolumeId.Should().Be(id);

    [Fact]
    public void Parse_ChapValuesOf255Bytes_AreAccepted()
    {
        var secret = new string('s', 255);

        Model.Parse(Data(OnePath + "," + ChapPrefix + "'" + secret + "'")).Chap!.Password.Should().Be(secret);
    }

    [Fact]
    public void ParseUtf8_InvalidUtf8InASecret_ThrowsNamingTheKey()
    {
        var before = Encoding.UTF8.GetBytes(Data(OnePath + "," + ChapPrefix + "'" + Secret));
        byte[] bytes = [.. before, 0xFF, 0xC0, .. "\"}"u8];

        var error = FluentActions.Invoking(() => Model.ParseUtf8(bytes)).Should().Throw<ConnectionInfoException>().Which;

        error.Key.Should().Be("auth_password");
        error.Message.Should().Contain("not valid UTF-8").And.NotContain(Secret);
    }

    [Fact]
    public void ParseUtf8_ValidDocumentWithByteOrderMark_Parses()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Data(OnePath + ",'volume_id':'卷-1'"))];

        Model.ParseUtf8(bytes).VolumeId.Should().Be("卷-1");
    }

    [Fact]
    public void Parse_TextWithUnpairedSurrogate_ThrowsForTheWholeDocument()
    {
        var text = Data(OnePath + "," + ChapPrefix + "'" + Secret + "\ud800'");

        var error = FluentActions.Invoking(() => Model.Parse(text)).Should().Throw<ConnectionInfoException>().Which;

        error.Key.Should().BeNull();
        error.Message.Should().Contain("unpaired UTF-16 surrogate").And.NotContain(Secret);
    }

    [Theory]
    [InlineData("{'driver_volume_type':'iscsi','data':{" + OnePath + "},'data':{'target_portal':'10.9.9.9:3260','target_iqn':'iqn.2010-10.org.x:other'}}", "data")]
    [InlineData("{'driver_volume_type':'iscsi','driver_volume_type':'iscsi','data':{" + OnePath + "}}", "driver_volume_type")]
    [InlineData("{'connection_info':{'driver_volume_type':'iscsi','data':{" + OnePath + "},'data':{" + OnePath + "}}}", "data")]
    [InlineData("{'connection_info':{'data':{" + OnePath + "}},'connection_info':{'data':{" + OnePath + "}}}", "connection_info")]
    public void Parse_RepeatedEnvelopeKey_ThrowsNamingIt(string json, string key)
    {
        var error = FluentActions.Invoking(() => Model.Parse(Q(json))).Should().Throw<ConnectionInfoException>().Which;

        error.Key.Should().Be(key);
        error.Message.Should().Contain("appears more than once");
    }

    [Fact]
    public void FailoverOrder_LongModelBuiltInCode_KeepsFirstOfEachPathInOrder()
    {
        // No cap applies to a model nobody validated; FailoverOrder must still be one hashed pass.
        var paths = Enumerable.Range(0, 20_000).Select(i => new IscsiPath(new IscsiPortal($"10.0.{i / 256 % 256}.{i % 256}"), "iqn.2010-10.org.openstack:volume-1", i / 65536)).ToList();
        var info = new Model { Primary = paths[5], Portals = paths };

        var order = info.FailoverOrder;

        order.Should().HaveCount(20_000);
        order[0].Should().BeSameAs(paths[5]);
        order[1].Should().BeSameAs(paths[0]);
        info.FailoverOrder.Should().BeSameAs(order, "the order is computed once");
    }
}
