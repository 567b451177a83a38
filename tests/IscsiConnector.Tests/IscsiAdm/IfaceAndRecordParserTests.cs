using IscsiConnector.IscsiAdm.Parsing;
using IscsiConnector.Tests.Support;

namespace IscsiConnector.Tests.IscsiAdm;

public sealed class IfaceAndRecordParserTests
{
    [Fact]
    public void IfaceList_CapturedOutput_EmptyFieldsBecomeNull()
    {
        var result = IfaceListParser.Parse(FixtureFiles.Read("iscsiadm/iface-list.txt"));

        result.IsComplete.Should().BeTrue();
        result.Items.Should().Equal(
            new IscsiIfaceSummary("default", "tcp", null, null, null, null),
            new IscsiIfaceSummary("iser", "iser", null, null, null, null));
    }

    [Fact]
    public void IfaceList_BoundIface_ReadsEveryField()
    {
        var result = IfaceListParser.Parse("eth1-iface tcp,52:54:00:12:34:56,fd00::5,eth1,iqn.2024-01.test.vmspike:other\nbroken line\n");

        result.Items.Should().Equal(new IscsiIfaceSummary("eth1-iface", "tcp", "52:54:00:12:34:56", "fd00::5", "eth1", "iqn.2024-01.test.vmspike:other"));
        result.UnparsedLines.Should().Equal("broken line");
    }

    [Fact]
    public void Record_CapturedNodeExcerpt_ReadsSettingsInOrder()
    {
        var result = RecordParser.Parse(FixtureFiles.Read("iscsiadm/node-show-disk1-excerpt.txt"));

        result.IsComplete.Should().BeTrue();
        var record = result.Items.Should().ContainSingle().Subject;
        record.Settings.Should().HaveCount(12);
        record.Settings[0].Should().Be(new IscsiAdmSetting("node.name", "iqn.2024-01.test.vmspike:disk1"));
        record.GetValueOrDefault("node.conn[0].port").Should().Be("3260");
        record.GetValueOrDefault("node.session.auth.authmethod").Should().Be("None");
        record.TryGetValue("node.session.auth.username", out _).Should().BeFalse();
    }

    [Fact]
    public void Record_CapturedChapExcerpt_EmptyIsNullAndMaskedPasswordStaysMasked()
    {
        var record = RecordParser.Parse(FixtureFiles.Read("iscsiadm/node-show-chap-auth-excerpt.txt")).Items.Single();

        record.GetValueOrDefault("node.session.auth.username").Should().Be("chapuser");
        record.GetValueOrDefault("node.session.auth.password").Should().Be("********");
        record.TryGetValue("node.session.auth.username_in", out var usernameIn).Should().BeTrue();
        usernameIn.Should().BeNull();
    }

    [Fact]
    public void Record_SyntheticTwoRecords_SplitsAtMarkers()
    {
        var result = RecordParser.Parse(FixtureFiles.Read("iscsiadm/node-show-two-records.synthetic.txt"));

        result.IsComplete.Should().BeTrue();
        result.Items.Should().HaveCount(2);
        result.Items[0].GetValueOrDefault("node.conn[0].address").Should().Be("127.0.0.1");
        result.Items[0].GetValueOrDefault("node.session.auth.password").Should().BeNull();
        result.Items[1].GetValueOrDefault("node.conn[0].address").Should().Be("fd00::1");
    }

    [Theory]
    [InlineData("iscsiadm/iface-show-default.synthetic.txt", "iface.transport_name", "tcp", 14)]
    [InlineData("iscsiadm/discoverydb-show.synthetic.txt", "discovery.sendtargets.reopen_max", "0", 14)]
    public void Record_SyntheticIfaceAndDiscoveryRecords_ReadOneRecord(string fixture, string key, string value, int count)
    {
        var record = RecordParser.Parse(FixtureFiles.Read(fixture)).Items.Should().ContainSingle().Subject;

        record.GetValueOrDefault(key).Should().Be(value);
        record.Settings.Should().HaveCount(count);
    }

    [Fact]
    public void Record_GarbageAndEmptyValue_AreHandled()
    {
        var result = RecordParser.Parse("node.name = iqn.a\nnot a setting\nnode.startup =\nkey with space = x\n");

        result.Items.Single().Settings.Should().Equal(new IscsiAdmSetting("node.name", "iqn.a"), new IscsiAdmSetting("node.startup", null));
        result.UnparsedLines.Should().Equal("not a setting", "key with space = x");
    }

    [Fact]
    public void Record_NoOutput_GivesNoRecords()
    {
        RecordParser.Parse(string.Empty).Items.Should().BeEmpty();
    }
}
