using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;
using static IscsiConnector.Tests.Testing.TestBed;

namespace IscsiConnector.Tests.Testing;

/// <summary>
/// The node database under /etc/iscsi as open-iscsi 2.1.8's idbm_rec_write lays it out: "-o new" (tpgt -1) writes the
/// old-style file nodes/&lt;iqn&gt;/&lt;address&gt;,&lt;port&gt;; discovery (tpgt known) writes nodes/&lt;iqn&gt;/&lt;address&gt;,&lt;port&gt;,&lt;tpgt&gt;/&lt;iface&gt;.
/// </summary>
public class SimulatedIscsiHostNodeDatabaseTests
{
    private const string Nodes = "/etc/iscsi/nodes";

    [Fact]
    public async Task NodeNew_NoTpgt_OldStylePortalFileWithoutIface()
    {
        var host = CaptureHost();

        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "new");

        host.ListDirectory($"{Nodes}/{Disk1}").Should().Equal("127.0.0.1,3260");
        host.ReadAllText($"{Nodes}/{Disk1}/127.0.0.1,3260").Should().StartWith("# BEGIN RECORD 2.1.8\n").And.Contain("node.tpgt = -1\n");
    }

    [Fact]
    public async Task Discovery_TpgtKnown_PortalDirectoryWithIfaceFile()
    {
        var host = CaptureHost();

        await host.Iscsiadm("-m", "discovery", "-t", "sendtargets", "-p", "127.0.0.1:3260");

        host.ListDirectory($"{Nodes}/{Disk1}").Should().Equal("127.0.0.1,3260,1");
        host.ListDirectory($"{Nodes}/{Disk1}/127.0.0.1,3260,1").Should().Equal("default");
        host.ListDirectory("/etc/iscsi/send_targets/127.0.0.1,3260").Should().Equal("st_config");
    }

    [Fact]
    public async Task NodeDelete_RecordGone_DirectoryEntryGone()
    {
        var host = CaptureHost();
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "new");
        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.2:3260", "-I", "iser", "-o", "new");

        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "127.0.0.1:3260", "-o", "delete");

        host.ListDirectory($"{Nodes}/{Disk1}").Should().Equal("127.0.0.2,3260");
        host.Exists($"{Nodes}/{Disk1}/127.0.0.1,3260").Should().BeFalse();
    }

    [Fact]
    public async Task NodeNew_Ipv6Portal_AddressUnbracketedInTheName()
    {
        var host = new SimulatedIscsiHost(new SimulatedTimeProvider()).AddTarget(Disk1).AddPortal("[fd00::1]:3260");

        await host.Iscsiadm("-m", "node", "-T", Disk1, "-p", "[fd00::1]:3260", "-o", "new");

        host.ListDirectory($"{Nodes}/{Disk1}").Should().Equal("fd00::1,3260");
    }

    [Fact]
    public async Task NodeRecordFile_ChapPassword_MaskedLikeShow()
    {
        var host = CaptureHost();
        await host.Iscsiadm("-m", "node", "-T", Chap, "-p", "127.0.0.1:3260", "-o", "new");

        await host.Iscsiadm("-m", "node", "-T", Chap, "-p", "127.0.0.1:3260", "-o", "update", "-n", "node.session.auth.password", "-v", "chapsecret123");

        host.ReadAllText($"{Nodes}/{Chap}/127.0.0.1,3260").Should().Contain("node.session.auth.password = ********\n").And.NotContain("chapsecret123");
    }

    [Fact]
    public void NodeDatabase_Empty_DirectoryExistsWithoutEntries()
    {
        var host = CaptureHost();

        host.Exists(Nodes).Should().BeTrue();
        host.ListDirectory(Nodes).Should().BeEmpty();
    }
}
