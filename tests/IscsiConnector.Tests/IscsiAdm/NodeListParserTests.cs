using IscsiConnector.IscsiAdm.Parsing;
using IscsiConnector.Tests.Support;

namespace IscsiConnector.Tests.IscsiAdm;

public sealed class NodeListParserTests
{
    [Fact]
    public void Parse_CapturedNodeList_ReadsEveryRecord()
    {
        var result = NodeListParser.Parse(FixtureFiles.Read("iscsiadm/node-list.txt"));

        result.IsComplete.Should().BeTrue();
        result.Items.Should().Equal(
            new IscsiNodeSummary(new IscsiPortal("127.0.0.1", 3260, 1), "iqn.2024-01.test.vmspike:chap"),
            new IscsiNodeSummary(new IscsiPortal("127.0.0.2", 3260, 1), "iqn.2024-01.test.vmspike:chap"),
            new IscsiNodeSummary(new IscsiPortal("127.0.0.1", 3260, 1), "iqn.2024-01.test.vmspike:disk1"),
            new IscsiNodeSummary(new IscsiPortal("127.0.0.2", 3260, 1), "iqn.2024-01.test.vmspike:disk1"));
    }

    [Fact]
    public void Parse_CapturedRecordsMadeWithONew_UnknownTagBecomesNull()
    {
        var result = NodeListParser.Parse(FixtureFiles.Read("iscsiadm/node-list-new-records.txt"));

        result.IsComplete.Should().BeTrue();
        result.Items.Should().HaveCount(5);
        result.Items[2].Should().Be(new IscsiNodeSummary(new IscsiPortal("127.0.0.1", 3261, null), "iqn.2024-01.test.vmspike:disk1"));
        result.Items[4].Portal.Should().Be(new IscsiPortal("127.0.0.3", 3260, null));
    }

    [Theory]
    [InlineData("iscsiadm/discovery-sendtargets-127.0.0.1.txt", "127.0.0.1")]
    [InlineData("iscsiadm/discovery-sendtargets-127.0.0.2.txt", "127.0.0.2")]
    public void Parse_CapturedSendTargetsDiscovery_ReadsTargetsOfThatPortal(string fixture, string host)
    {
        var result = NodeListParser.Parse(FixtureFiles.Read(fixture));

        result.IsComplete.Should().BeTrue();
        result.Items.Select(i => i.TargetName).Should().Equal("iqn.2024-01.test.vmspike:disk1", "iqn.2024-01.test.vmspike:chap");
        result.Items.Should().OnlyContain(i => i.Portal == new IscsiPortal(host, 3260, 1));
    }

    [Fact]
    public void Parse_SyntheticIpv6EuiNaa_KeepsThem()
    {
        var result = NodeListParser.Parse(FixtureFiles.Read("iscsiadm/node-list-ipv6-eui-naa.synthetic.txt"));

        result.IsComplete.Should().BeTrue();
        result.Items.Should().Equal(
            new IscsiNodeSummary(new IscsiPortal("fd00::1", 3260, 1), "iqn.2024-01.test.vmspike:disk1"),
            new IscsiNodeSummary(new IscsiPortal("fd00::2", 3260, null), "eui.02004567A425678D"),
            new IscsiNodeSummary(new IscsiPortal("127.0.0.1", 3260, null), "naa.52004567BA64678D"));
    }

    [Theory]
    [InlineData("iscsiadm: No records found")]
    [InlineData("127.0.0.1:3260,1")]
    [InlineData("127.0.0.1,3260,1 iqn.a")]
    [InlineData("fd00::1:3260,1 iqn.a")]
    [InlineData("127.0.0.1:3260,x iqn.a")]
    public void Parse_GarbageLine_IsReported(string garbage)
    {
        var result = NodeListParser.Parse($"{garbage}\n127.0.0.1:3260,1 iqn.2024-01.test.vmspike:disk1\n");

        result.Items.Should().ContainSingle();
        result.UnparsedLines.Should().Equal(garbage);
    }
}
