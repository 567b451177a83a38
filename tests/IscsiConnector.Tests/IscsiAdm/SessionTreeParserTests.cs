using IscsiConnector.IscsiAdm.Parsing;
using IscsiConnector.Tests.Support;

namespace IscsiConnector.Tests.IscsiAdm;

public sealed class SessionTreeParserTests
{
    [Fact]
    public void Parse_CapturedTwoSessionsP3_ReadsSessionsAndTheirDisks()
    {
        var result = SessionTreeParser.Parse(FixtureFiles.Read("iscsiadm/session-P3-two-sessions.txt"));

        result.IsComplete.Should().BeTrue();
        result.Items.Should().HaveCount(2);
        var first = result.Items[0];
        first.TargetName.Should().Be("iqn.2024-01.test.vmspike:disk1");
        first.IsFlash.Should().BeFalse();
        first.SessionId.Should().Be(1);
        first.CurrentPortal.Should().Be(new IscsiPortal("127.0.0.1", 3260, 1));
        first.PersistentPortal.Should().Be(new IscsiPortal("127.0.0.1", 3260, 1));
        first.IfaceName.Should().Be("default");
        first.Transport.Should().Be("tcp");
        first.InitiatorName.Should().Be("iqn.2024-01.test.vmspike:initiator");
        first.LocalAddress.Should().Be("127.0.0.1");
        first.ConnectionState.Should().Be("LOGGED IN");
        first.SessionState.Should().Be("LOGGED_IN");
        first.InternalState.Should().Be("NO CHANGE");
        first.HostNumber.Should().Be(0);
        first.HostState.Should().Be("running");
        first.Devices.Should().Equal(
            new IscsiScsiDevice(0, 0, 0, 0, null, null),
            new IscsiScsiDevice(0, 0, 0, 1, "sda", "running"));
        first.Properties["Recovery Timeout"].Should().Be("120");
        first.Properties["MaxRecvDataSegmentLength"].Should().Be("262144");
        first.Properties["username"].Should().BeNull();
        first.Properties.Keys.Should().NotContain(k => k.StartsWith("password", StringComparison.Ordinal));

        var second = result.Items[1];
        second.SessionId.Should().Be(2);
        second.CurrentPortal.Should().Be(new IscsiPortal("127.0.0.2", 3260, 1));
        second.HostNumber.Should().Be(1);
        second.Devices.Should().Equal(
            new IscsiScsiDevice(1, 0, 0, 0, null, null),
            new IscsiScsiDevice(1, 0, 0, 1, "sdb", "running"));
    }

    [Fact]
    public void Parse_CapturedSingleSessionP3_MatchesSysfsFacts()
    {
        var session = SessionTreeParser.Parse(FixtureFiles.Read("iscsiadm/session-r1-P3.txt")).Items.Should().ContainSingle().Subject;

        // The capture's sysfs walk found session1 -> target0:0:0/0:0:0:1 -> sda.
        session.SessionId.Should().Be(1);
        session.Devices.Single(d => d.DiskName is not null).Should().Be(new IscsiScsiDevice(0, 0, 0, 1, "sda", "running"));
    }

    [Fact]
    public void Parse_CapturedP1_HasStatesButNoDevices()
    {
        var result = SessionTreeParser.Parse(FixtureFiles.Read("iscsiadm/session-P1.txt"));

        result.IsComplete.Should().BeTrue();
        var session = result.Items.Should().ContainSingle().Subject;
        session.SessionState.Should().Be("LOGGED_IN");
        session.HostNumber.Should().BeNull();
        session.Devices.Should().BeEmpty();
    }

    [Fact]
    public void Parse_CapturedChapP2_KeepsUserNameButNoPassword()
    {
        var result = SessionTreeParser.Parse(FixtureFiles.Read("iscsiadm/session-r6-P2-chap.txt"));

        result.IsComplete.Should().BeTrue();
        var session = result.Items.Should().ContainSingle().Subject;
        session.SessionId.Should().Be(6);
        session.TargetName.Should().Be("iqn.2024-01.test.vmspike:chap");
        session.Properties["username"].Should().Be("chapuser");
        session.Properties.Should().NotContainKey("password");
    }

    [Fact]
    public void Parse_SyntheticIpv6Eui_KeepsBracketlessHostAndEuiName()
    {
        var result = SessionTreeParser.Parse(FixtureFiles.Read("iscsiadm/session-P3-ipv6-eui.synthetic.txt"));

        result.IsComplete.Should().BeTrue();
        var session = result.Items.Should().ContainSingle().Subject;
        session.TargetName.Should().Be("eui.02004567A425678D");
        session.SessionId.Should().Be(3);
        session.CurrentPortal.Should().Be(new IscsiPortal("fd00::1", 3260, 1));
        session.LocalAddress.Should().Be("fd00::5");
    }

    [Fact]
    public void Parse_SessionWithoutSid_IsReportedNotGuessed()
    {
        var result = SessionTreeParser.Parse("Target: iqn.a (non-flash)\n\tCurrent Portal: 127.0.0.1:3260,1\n\t\tIface Name: default\n");

        result.Items.Should().BeEmpty();
        result.UnparsedLines.Should().Equal("Current Portal: 127.0.0.1:3260,1");
    }

    [Fact]
    public void Parse_GarbageInsideTree_IsReportedAndSessionStillRead()
    {
        var text = FixtureFiles.Read("iscsiadm/session-P1.txt") + "\u0007\u0007\u0007\nCurrent Portal: not-a-portal\n";

        var result = SessionTreeParser.Parse(text);

        result.Items.Should().ContainSingle().Which.SessionId.Should().Be(1);
        result.UnparsedLines.Should().Equal("\u0007\u0007\u0007", "Current Portal: not-a-portal");
    }

    [Fact]
    public void Parse_NoOutput_GivesNoSessions()
    {
        SessionTreeParser.Parse(null).Items.Should().BeEmpty();
    }
}
