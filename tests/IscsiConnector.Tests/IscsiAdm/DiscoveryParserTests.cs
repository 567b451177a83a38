using IscsiConnector.IscsiAdm.Parsing;
using IscsiConnector.Tests.Support;

namespace IscsiConnector.Tests.IscsiAdm;

public sealed class DiscoveryParserTests
{
    [Fact]
    public void DiscoveryList_CapturedOutput_ReadsRecords()
    {
        var result = DiscoveryListParser.Parse(FixtureFiles.Read("iscsiadm/discovery-list.txt"));

        result.IsComplete.Should().BeTrue();
        result.Items.Should().Equal(
            new IscsiDiscoveryRecordSummary(new IscsiPortal("127.0.0.2", 3260), "sendtargets"),
            new IscsiDiscoveryRecordSummary(new IscsiPortal("127.0.0.1", 3260), "sendtargets"));
    }

    [Fact]
    public void DiscoveryList_UnbracketedIpv6_SplitsAtLastColon()
    {
        // open-iscsi prints these lines with "%s:%d", so an IPv6 address is not bracketed here.
        var result = DiscoveryListParser.Parse("fd00::1:3260 via sendtargets\n[fd00::2]:3260 via isns\n");

        result.Items.Should().Equal(
            new IscsiDiscoveryRecordSummary(new IscsiPortal("fd00::1", 3260), "sendtargets"),
            new IscsiDiscoveryRecordSummary(new IscsiPortal("fd00::2", 3260), "isns"));
    }

    [Fact]
    public void DiscoveryList_Garbage_IsReported()
    {
        var result = DiscoveryListParser.Parse("127.0.0.1:3260 by sendtargets\n");

        result.Items.Should().BeEmpty();
        result.UnparsedLines.Should().Equal("127.0.0.1:3260 by sendtargets");
    }

    [Fact]
    public void DiscoveryTree_SyntheticP1_ReadsEveryTargetPortalWithItsDiscoveryAddress()
    {
        var result = DiscoveryTreeParser.Parse(FixtureFiles.Read("iscsiadm/discoverydb-P1.synthetic.txt"));

        result.IsComplete.Should().BeTrue();
        result.Items.Should().Equal(
            new IscsiDiscoveredTarget("SENDTARGETS", new IscsiPortal("127.0.0.1", 3260), "iqn.2024-01.test.vmspike:disk1", new IscsiPortal("127.0.0.1", 3260, 1), "default"),
            new IscsiDiscoveredTarget("SENDTARGETS", new IscsiPortal("127.0.0.1", 3260), "iqn.2024-01.test.vmspike:chap", new IscsiPortal("127.0.0.1", 3260, 1), "default"),
            new IscsiDiscoveredTarget("SENDTARGETS", new IscsiPortal("fd00::1", 3260), "eui.02004567A425678D", new IscsiPortal("fd00::1", 3260, 1), "default"));
    }

    [Fact]
    public void DiscoveryTree_PortalBeforeAnyTarget_IsReported()
    {
        var result = DiscoveryTreeParser.Parse("SENDTARGETS:\n\tPortal: 127.0.0.1:3260,1\nsomething odd\n");

        result.Items.Should().BeEmpty();
        result.UnparsedLines.Should().Equal("Portal: 127.0.0.1:3260,1", "something odd");
    }
}
