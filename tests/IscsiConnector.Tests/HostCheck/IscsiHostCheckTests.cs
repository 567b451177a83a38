using IscsiConnector.Readiness;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Tests.HostCheck;

public class IscsiHostCheckTests
{
    private readonly SimulatedIscsiHost _host = new(new SimulatedTimeProvider());

    [Fact]
    public async Task CheckAsync_HealthyHost_EveryRequirementMetWithoutAProcess()
    {
        var result = await HostCheckHarness.Create(_host, multipath: true).CheckAsync();

        result.IsReady.Should().BeTrue(string.Join("; ", result.Items));
        result.Items.Select(i => i.Requirement).Should().Equal(Enum.GetValues<HostRequirement>());
        result.Items.Should().OnlyContain(i => i.Status == HostCheckStatus.Ok && i.Fix == null);
        result.Item(HostRequirement.IscsiAdm).Detail.Should().Be("iscsiadm found at /usr/sbin/iscsiadm");
        result.Item(HostRequirement.Privileges).Detail.Should().Be("running as root");
        result.Item(HostRequirement.InitiatorName).Detail.Should().Be(_host.InitiatorName);
        _host.RenderInvocations().Should().BeEmpty("running as root without a helper, everything is read: no process");
    }

    [Fact]
    public async Task CheckAsync_IscsidStopped_ProblemSaysHowToStartIt()
    {
        _host.IscsidRunning = false;

        var result = await HostCheckHarness.Create(_host).CheckAsync();

        result.IsReady.Should().BeFalse();
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Requirement.Should().Be(HostRequirement.Iscsid);
        problem.Detail.Should().Contain("iscsid is not running").And.Contain("@ISCSIADM_ABSTRACT_NAMESPACE");
        problem.Fix.Should().Contain("systemctl enable --now iscsid").And.Contain("hostNetwork");
    }

    [Fact]
    public async Task CheckAsync_IscsiAdmMissing_ProblemSaysWhatToInstall()
    {
        _host.IscsiAdmInstalled = false;

        var result = await HostCheckHarness.Create(_host).CheckAsync();

        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Requirement.Should().Be(HostRequirement.IscsiAdm);
        problem.Detail.Should().StartWith("iscsiadm was not found on PATH (/usr/local/sbin:");
        problem.Fix.Should().Contain("apt-get install open-iscsi").And.Contain("iscsi-initiator-utils");
    }

    [Fact]
    public async Task CheckAsync_IscsiAdmOffPath_ProblemSaysWhereItIs()
    {
        var result = await HostCheckHarness.Create(_host, _host, searchPath: ["/usr/local/bin"]).CheckAsync();

        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Requirement.Should().Be(HostRequirement.IscsiAdm);
        problem.Detail.Should().Be("iscsiadm is at /usr/sbin/iscsiadm but not on PATH (/usr/local/bin)");
        _host.RenderInvocations().Should().BeEmpty();
    }

    [Fact]
    public async Task CheckAsync_IscsiAdmADanglingLink_IsNotFound()
    {
        // Debian ships /usr/bin/iscsiadm -> /sbin/iscsiadm: with the program gone the link stays, and starting it fails.
        var dir = Directory.CreateTempSubdirectory("hostcheck-path-");
        try
        {
            File.CreateSymbolicLink(Path.Combine(dir.FullName, "iscsiadm"), Path.Combine(dir.FullName, "gone", "iscsiadm"));

            var result = await HostCheckHarness.Create(_host, new global::IscsiConnector.Host.PhysicalHostFileSystem(), searchPath: [dir.FullName]).CheckAsync();

            result.Item(HostRequirement.IscsiAdm).Status.Should().Be(HostCheckStatus.Problem);
            // "was not found on PATH (dir)", or "is at /usr/sbin/iscsiadm but not on PATH (dir)" on a machine that has it there.
            result.Item(HostRequirement.IscsiAdm).Detail.Should().Contain($"on PATH ({dir.FullName})");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task CheckAsync_MultipathdStoppedWithMultipath_IsAProblem()
    {
        _host.MultipathdRunning = false;

        var result = await HostCheckHarness.Create(_host, multipath: true).CheckAsync();

        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Requirement.Should().Be(HostRequirement.Multipathd);
        problem.Fix.Should().Contain("systemctl enable --now multipathd");
    }

    [Fact]
    public async Task CheckAsync_MultipathdStoppedWithoutMultipath_IsNotChecked()
    {
        _host.MultipathdRunning = false;

        var result = await HostCheckHarness.Create(_host, multipath: false).CheckAsync();

        result.IsReady.Should().BeTrue();
        result.Item(HostRequirement.Multipathd).Status.Should().Be(HostCheckStatus.Skipped);
    }

    [Fact]
    public async Task CheckAsync_NoInitiatorName_ProblemSaysHowToWriteOne()
    {
        _host.HasInitiatorNameFile = false;

        var result = await HostCheckHarness.Create(_host).CheckAsync();

        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Requirement.Should().Be(HostRequirement.InitiatorName);
        problem.Fix.Should().Contain("iscsi-iname");
    }

    [Fact]
    public async Task CheckAsync_InitiatorNameFileWithoutName_IsAProblem()
    {
        var fs = new OverlayFileSystem(_host, new Dictionary<string, string?> { ["/etc/iscsi/initiatorname.iscsi"] = "GenerateName=yes\n" });

        var result = await HostCheckHarness.Create(_host, fs).CheckAsync();

        result.Problems.Should().ContainSingle().Which.Detail.Should().Contain("no InitiatorName= line");
    }

    [Fact]
    public async Task CheckAsync_TcpTransportNeitherLoadedNorAvailable_ProblemSaysModprobe()
    {
        _host.UnloadTransport("tcp");
        var fs = new OverlayFileSystem(_host, new Dictionary<string, string?>
        {
            ["/proc/sys/kernel/osrelease"] = "6.1.0-56-amd64\n",
            ["/lib/modules/6.1.0-56-amd64/modules.dep"] = "kernel/drivers/md/dm-multipath.ko.xz: kernel/drivers/md/dm-mod.ko.xz\n",
        });

        var result = await HostCheckHarness.Create(_host, fs).CheckAsync();

        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Requirement.Should().Be(HostRequirement.Transport);
        problem.Detail.Should().Contain("6.1.0-56-amd64").And.Contain("iscsi_tcp");
        problem.Fix.Should().Contain("modprobe iscsi_tcp");
    }

    [Fact]
    public async Task CheckAsync_TcpTransportNotLoadedButLoadable_IsMetBecauseIscsidLoadsIt()
    {
        _host.UnloadTransport("tcp");
        var fs = new OverlayFileSystem(_host, new Dictionary<string, string?>
        {
            ["/proc/sys/kernel/osrelease"] = "6.1.0-56-amd64\n",
            ["/lib/modules/6.1.0-56-amd64/modules.dep"] = "kernel/drivers/scsi/iscsi_tcp.ko.xz: kernel/drivers/scsi/libiscsi_tcp.ko.xz\n",
        });

        var result = await HostCheckHarness.Create(_host, fs).CheckAsync();

        result.IsReady.Should().BeTrue();
        result.Item(HostRequirement.Transport).Detail.Should().Contain("iscsid loads iscsi_tcp on the first login");
    }

    [Fact]
    public async Task CheckAsync_NonDefaultIfaceWithoutFallback_LeavesTheTransportToTheIfaceCheck()
    {
        _host.UnloadTransport("tcp");

        var result = await HostCheckHarness.Create(_host, _host, iface: "iser", fallBackToTcp: false).CheckAsync();

        result.Item(HostRequirement.Transport).Status.Should().Be(HostCheckStatus.Skipped);
    }

    [Fact]
    public async Task CheckAsync_SeveralProblems_ListsEachInRequirementOrder()
    {
        _host.IscsidRunning = false;
        _host.MultipathdRunning = false;
        _host.HasInitiatorNameFile = false;

        var result = await HostCheckHarness.Create(_host, multipath: true).CheckAsync();

        result.Problems.Select(p => p.Requirement).Should().Equal(HostRequirement.Iscsid, HostRequirement.InitiatorName, HostRequirement.Multipathd);
    }
}
