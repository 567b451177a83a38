using IscsiConnector.IscsiAdm.Parsing;
using IscsiConnector.Tests.Support;

namespace IscsiConnector.Tests.IscsiAdm;

public sealed class SessionListParserTests
{
    [Fact]
    public void Parse_CapturedTwoSessions_ReadsBoth()
    {
        var result = SessionListParser.Parse(FixtureFiles.Read("iscsiadm/session-list-two.txt"));

        result.IsComplete.Should().BeTrue();
        result.Items.Should().Equal(
            new IscsiSessionSummary("tcp", 1, new IscsiPortal("127.0.0.1", 3260, 1), "iqn.2024-01.test.vmspike:disk1", false),
            new IscsiSessionSummary("tcp", 2, new IscsiPortal("127.0.0.2", 3260, 1), "iqn.2024-01.test.vmspike:disk1", false));
    }

    [Fact]
    public void Parse_CapturedOneSession_ReadsIt()
    {
        var result = SessionListParser.Parse(FixtureFiles.Read("iscsiadm/session-list-one.txt"));

        result.Items.Should().ContainSingle().Which.SessionId.Should().Be(1);
    }

    [Fact]
    public void Parse_SyntheticIpv6EuiNaa_KeepsWhatOsBrickDrops()
    {
        var result = SessionListParser.Parse(FixtureFiles.Read("iscsiadm/session-list-ipv6-eui-naa.synthetic.txt"));

        result.IsComplete.Should().BeTrue();
        result.Items.Should().Equal(
            new IscsiSessionSummary("tcp", 3, new IscsiPortal("fd00::1", 3260, 1), "iqn.2024-01.test.vmspike:disk1", false),
            new IscsiSessionSummary("tcp", 4, new IscsiPortal("fd00::2", 3260, 2), "eui.02004567A425678D", false),
            new IscsiSessionSummary("tcp", 5, new IscsiPortal("192.0.2.10", 3260, 1), "naa.52004567BA64678D", false),
            new IscsiSessionSummary("tcp", 6, new IscsiPortal("192.0.2.11", 3260, 1), "iqn.2010-10.org.openstack:volume-0001", null),
            new IscsiSessionSummary("qla4xxx", 7, new IscsiPortal("192.0.2.12", 3260, 1), "iqn.2024-01.test.vmspike:flash", true));
        result.Items[0].Portal.IsIPv6.Should().BeTrue();
        result.Items[0].Portal.Address.Should().Be("[fd00::1]:3260");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Parse_NoOutput_GivesNoItems(string? output)
    {
        var result = SessionListParser.Parse(output);

        result.Items.Should().BeEmpty();
        result.IsComplete.Should().BeTrue();
    }

    [Theory]
    [InlineData("iscsiadm: No active sessions.")]
    [InlineData("tcp: [x] 127.0.0.1:3260,1 iqn.a")]
    [InlineData("tcp: [1] 127.0.0.1:99999,1 iqn.a (non-flash)")]
    [InlineData("tcp: [1] [fd00::1:3260,1 iqn.a (non-flash)")]
    [InlineData("tcp: [1] 127.0.0.1:3260,1")]
    [InlineData("garbage \u0001 line")]
    public void Parse_GarbageLine_IsReportedAndOthersStillParse(string garbage)
    {
        var result = SessionListParser.Parse($"tcp: [1] 127.0.0.1:3260,1 iqn.2024-01.test.vmspike:disk1 (non-flash)\n{garbage}\n");

        result.Items.Should().ContainSingle();
        result.UnparsedLines.Should().Equal(garbage.Trim());
        result.IsComplete.Should().BeFalse();
    }

    [Fact]
    public void Parse_CrLfLineEndings_AreTolerated()
    {
        var result = SessionListParser.Parse("tcp: [1] 127.0.0.1:3260,1 iqn.2024-01.test.vmspike:disk1 (non-flash)\r\n");

        result.Items.Should().ContainSingle().Which.TargetName.Should().Be("iqn.2024-01.test.vmspike:disk1");
    }
}
