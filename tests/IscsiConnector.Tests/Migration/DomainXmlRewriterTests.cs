using IscsiConnector.Migration;
using IscsiConnector.Tests.Migration.Support;
using static IscsiConnector.Tests.Migration.Support.Domains;

namespace IscsiConnector.Tests.Migration;

public sealed class DomainXmlRewriterTests
{
    private const string DestinationByPath = "/dev/disk/by-path/ip-192.168.0.10:3260-iscsi-iqn.2010-10.org.abc:67890.opst-lun-26";

    private static DestinationDeviceMap Paths(params (string Serial, string Path)[] entries) =>
        new(entries.ToDictionary(e => e.Serial, e => e.Path));

    private static DestinationDeviceMap Sources(params (string Serial, IscsiNetworkSource Source)[] entries) =>
        new(iscsiSources: entries.ToDictionary(e => e.Serial, e => e.Source));

    private static IscsiNetworkSource Dest(string host = "192.168.0.10", IscsiSecretReference? auth = null, int port = 3260) =>
        new("iqn.2010-10.org.abc:67890.opst", 26, new IscsiPortal(host, port), auth);

    [SchemaFact]
    public void Rewrite_SpecEx2_ReplacesOnlyTheSourceDev()
    {
        var before = Wrap(Ex2Disk);

        var result = DomainXmlRewriter.Rewrite(before, Paths((Serial, DestinationByPath)));

        var expected = before.Replace("ip-192.168.0.10:3260-iscsi-iqn.abc.org.12345.opst-lun-X", DestinationByPath["/dev/disk/by-path/".Length..]);
        result.Xml.Should().Be(SpaceBeforeSlash(expected));
        result.Disks.Should().Equal(new RewrittenDisk(Serial, "vdb", "block", "/dev/disk/by-path/ip-192.168.0.10:3260-iscsi-iqn.abc.org.12345.opst-lun-X", DestinationByPath));
        LibvirtSchema.AssertValidDomain(before);
        LibvirtSchema.AssertValidDomain(result.Xml);
    }

    [SchemaFact]
    public void Rewrite_SpecEx3_ReplacesNameAndHostKeepsTheRest()
    {
        var before = Wrap(Ex3Disk);

        var result = DomainXmlRewriter.Rewrite(before, Sources((Serial, Dest())));

        result.Xml.Should().Be(SpaceBeforeSlash(before.Replace("iqn.abc.org.12345.opst/X", "iqn.2010-10.org.abc:67890.opst/26")));
        result.Disks.Single().Should().Be(new RewrittenDisk(Serial, "vdb", "network", "iqn.abc.org.12345.opst/X on 192.168.0.10:3260", "iqn.2010-10.org.abc:67890.opst/26 on 192.168.0.10:3260"));
        LibvirtSchema.AssertValidDomain(result.Xml);
    }

    [SchemaFact]
    public void Rewrite_MixedDomain_RewritesBothVolumesAndNothingElse()
    {
        var map = new DestinationDeviceMap(
            new Dictionary<string, string> { [Serial] = "/dev/dm-3" },
            new Dictionary<string, IscsiNetworkSource> { [Serial2] = Dest("fd00::10", new IscsiSecretReference("dstuser", uuid: Guid.Parse("0e8a4f6c-8b7a-4c1e-9d7e-0123456789ab"))) });

        var result = DomainXmlRewriter.Rewrite(Mixed, map);

        var expected = Mixed
            .Replace("/dev/disk/by-path/ip-10.0.0.1:3260-iscsi-iqn.2010-10.org.openstack:volume-1-lun-1", "/dev/dm-3")
            .Replace("iqn.2010-10.org.openstack:volume-2/0", "iqn.2010-10.org.abc:67890.opst/26")
            .Replace("<host name='10.0.0.1' port='3260'/>", "<host name='fd00::10' port='3260'/>")
            .Replace("<auth username='srcuser'>", "<auth username='dstuser'>")
            .Replace("<secret type='iscsi' usage='src-usage'/>", "<secret type='iscsi' uuid='0e8a4f6c-8b7a-4c1e-9d7e-0123456789ab'/>");
        result.Xml.Should().Be(SpaceBeforeSlash(expected));
        result.Disks.Select(d => (d.Serial, d.TargetDev, d.DiskType)).Should().Equal((Serial, "vdb", "block"), (Serial2, "vdc", "network"));
        result.Disks[1].OldSource.Should().Be("iqn.2010-10.org.openstack:volume-2/0 on 10.0.0.1:3260");
        result.Disks[1].NewSource.Should().Be("iqn.2010-10.org.abc:67890.opst/26 on [fd00::10]:3260");
        LibvirtSchema.AssertValidDomain(Mixed);
        LibvirtSchema.AssertValidDomain(result.Xml);
    }

    [SchemaFact]
    public void Rewrite_NetworkDiskGainsChap_AddsAuthInsideSourceIndentedLikeTheHost()
    {
        var result = DomainXmlRewriter.Rewrite(Wrap(Ex3Disk), Sources((Serial, Dest(auth: new IscsiSecretReference("chapuser", "volume-26-secret")))));

        result.Xml.Should().Contain("""
            <host name='192.168.0.10' port='3260' />
                    <auth username='chapuser'><secret type='iscsi' usage='volume-26-secret' /></auth>
                  </source>
            """.Trim());
        LibvirtSchema.AssertValidDomain(result.Xml);
    }

    [SchemaFact]
    public void Rewrite_DestinationWithoutChap_RemovesTheSourcesAuthAndTheLegacyDiskLevelAuth()
    {
        var legacy = Wrap(Ex3Disk.Replace("<driver name='qemu' type='raw'/>", "<driver name='qemu' type='raw'/>\n      <auth username='old'><secret type='iscsi' usage='old'/></auth>"));

        var result = DomainXmlRewriter.Rewrite(legacy, Sources((Serial, Dest())));

        result.Xml.Should().NotContain("auth").And.NotContain("secret");
        LibvirtSchema.AssertValidDomain(legacy);
        LibvirtSchema.AssertValidDomain(result.Xml);
    }

    [SchemaFact]
    public void Rewrite_SourceListingSeveralHosts_GetsTheOneDestinationHostAndTheInitiator()
    {
        // libvirt's schema allows one <host> for iSCSI; a hand-written source with two still gets exactly one.
        var twoHosts = Wrap(Ex3Disk.Replace("<host name='192.168.0.10' port='3260'/>", "<host name='192.168.0.10' port='3260'/>\n        <host name='192.168.0.11'/>"));
        var source = new IscsiNetworkSource("iqn.2010-10.org.abc:67890.opst", 26, new IscsiPortal("fd00::1", 3261, Tpgt: 2), initiatorIqn: "iqn.1993-08.org.debian:01:dest");

        var result = DomainXmlRewriter.Rewrite(twoHosts, Sources((Serial, source)));

        result.Xml.Should().Contain("""
            <source protocol='iscsi' name='iqn.2010-10.org.abc:67890.opst/26'>
                    <host name='fd00::1' port='3261' />
                    <initiator><iqn name='iqn.1993-08.org.debian:01:dest' /></initiator>
                  </source>
            """.Trim());
        result.Disks.Single().OldSource.Should().Be("iqn.abc.org.12345.opst/X on 192.168.0.10:3260, 192.168.0.11:3260");
        result.Disks.Single().NewSource.Should().Be("iqn.2010-10.org.abc:67890.opst/26 on [fd00::1]:3261");
        LibvirtSchema.AssertValidDomain(result.Xml);
    }

    [SchemaFact]
    public void Rewrite_MultipathDevicePathFromAttachments_GoesIntoBlockDisk()
    {
        var map = DestinationDeviceMap.FromAttachments([new(Serial, Attachments.Multipath("/dev/dm-7"))]);

        var result = DomainXmlRewriter.Rewrite(Wrap(Ex2Disk), map);

        result.Xml.Should().Contain("<source dev='/dev/dm-7' />");
        LibvirtSchema.AssertValidDomain(result.Xml);
    }

    [Fact]
    public void Rewrite_KeepsDeclarationCommentsAndDoubleQuotes()
    {
        var before = "<?xml version=\"1.0\"?>\n<!-- dumped -->\n" + Wrap(Ex2Disk).Replace('\'', '"');

        var result = DomainXmlRewriter.Rewrite(before, Paths((Serial, "/dev/dm-0")));

        result.Xml.Should().StartWith("<?xml version=\"1.0\"?>").And.Contain("<!-- dumped -->").And.Contain("<source dev=\"/dev/dm-0\" />");
    }

    [Fact]
    public void Rewrite_EmptyMap_ReturnsTheDocumentUnchangedButForEmptyElementSpelling()
    {
        var result = DomainXmlRewriter.Rewrite(Mixed, new DestinationDeviceMap());

        result.Xml.Should().Be(SpaceBeforeSlash(Mixed));
        result.Disks.Should().BeEmpty();
    }

    [Fact]
    public void Rewrite_SerialOnlyOnACdrom_IsSerialNotFoundNamingTheCdrom()
    {
        var act = () => DomainXmlRewriter.Rewrite(Mixed, Paths((Serial3, "/dev/dm-1")));

        act.Should().Throw<LiveMigrationException>().Where(e => e.Failure == LiveMigrationFailure.SerialNotFound && e.Serial == Serial3)
            .WithMessage("*matches no volume disk*device='cdrom'*");
    }

    [Fact]
    public void Rewrite_SerialInNoDisk_IsSerialNotFound()
    {
        var act = () => DomainXmlRewriter.Rewrite(Wrap(Ex2Disk), Paths((Serial, "/dev/dm-0"), ("00000000-dead-4000-8000-000000000000", "/dev/dm-1")));

        act.Should().Throw<LiveMigrationException>().Where(e => e.Failure == LiveMigrationFailure.SerialNotFound && e.Serial == "00000000-dead-4000-8000-000000000000");
    }

    [Fact]
    public void Rewrite_SerialOnTwoDisks_IsDuplicateSerialNamingBothTargets()
    {
        var twice = Wrap(Ex2Disk + "\n" + Ex2Disk.Replace("vdb", "vdc"));

        var act = () => DomainXmlRewriter.Rewrite(twice, Paths((Serial, "/dev/dm-0")));

        act.Should().Throw<LiveMigrationException>().Where(e => e.Failure == LiveMigrationFailure.DuplicateSerial)
            .WithMessage("*2 disks*target vdb*target vdc*");
    }

    [Theory]
    [InlineData("rbd-volume-9", "*network disk of protocol 'rbd'*")]
    [InlineData(Serial2, "*network disk (QEMU's libiscsi) but the map gives a device path*")]
    public void Rewrite_DiskThatCannotTakeAPath_IsUnsupportedDisk(string serial, string message)
    {
        var act = () => DomainXmlRewriter.Rewrite(Mixed, Paths((serial, "/dev/dm-0")));

        act.Should().Throw<LiveMigrationException>().Where(e => e.Failure == LiveMigrationFailure.UnsupportedDisk && e.Serial == serial).WithMessage(message);
    }

    [Fact]
    public void Rewrite_BlockDiskGivenANetworkSource_IsUnsupportedDisk()
    {
        var act = () => DomainXmlRewriter.Rewrite(Mixed, Sources((Serial, Dest())));

        act.Should().Throw<LiveMigrationException>().Where(e => e.Failure == LiveMigrationFailure.UnsupportedDisk).WithMessage("*block disk*give a device_path*");
    }

    [Fact]
    public void Rewrite_FileDiskWithTheSerial_IsUnsupportedDisk()
    {
        var file = Wrap(Ex2Disk.Replace("type='block'", "type='file'").Replace("source dev=", "source file="));

        var act = () => DomainXmlRewriter.Rewrite(file, Paths((Serial, "/dev/dm-0")));

        act.Should().Throw<LiveMigrationException>().Where(e => e.Failure == LiveMigrationFailure.UnsupportedDisk).WithMessage("*type 'file'*");
    }

    [Theory]
    [InlineData("<domain><devices><disk></devices></domain>")]
    [InlineData("not xml at all")]
    [InlineData("<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><domain>&x;</domain>")]
    [InlineData("<network><name>default</name></network>")]
    public void Rewrite_MalformedXml_IsMalformedDomainXml(string xml)
    {
        var act = () => DomainXmlRewriter.Rewrite(xml, Paths((Serial, "/dev/dm-0")));

        act.Should().Throw<LiveMigrationException>().Where(e => e.Failure == LiveMigrationFailure.MalformedDomainXml).WithMessage("*domain XML*");
    }

    [Fact]
    public void Rewrite_OneGoodOneBadSerial_ReturnsNothingAndLeavesTheInputAlone()
    {
        var input = Mixed;
        var map = new DestinationDeviceMap(new Dictionary<string, string> { [Serial] = "/dev/dm-3", ["rbd-volume-9"] = "/dev/dm-4" });

        var act = () => DomainXmlRewriter.Rewrite(input, map);

        act.Should().Throw<LiveMigrationException>();
        input.Should().Be(Mixed);
    }

    // XmlWriter spells an empty element "<x />"; libvirt writes "<x/>" and reads both.
    private static string SpaceBeforeSlash(string xml) => xml.Replace("'/>", "' />").Replace("\"/>", "\" />").Replace("<readonly/>", "<readonly />");
}
