using IscsiConnector.Readiness;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Tests.HostCheck;

public class HostCheckPrivilegesTests
{
    // Captured on the test bed (sudo 1.9.13, a user without a sudoers rule; the first line because the guest's name does not resolve).
    private const string SudoRefused = "sudo: unable to resolve host testbed-guest: Temporary failure in name resolution\nsudo: a password is required\n";
    private static readonly string[] Sudo = ["sudo", "-n"];

    private readonly SimulatedIscsiHost _host = new(new SimulatedTimeProvider());

    private OverlayFileSystem AsUser(int uid) =>
        new(_host, new Dictionary<string, string?> { ["/proc/self/status"] = $"Name:\tdotnet\nUid:\t{uid}\t{uid}\t{uid}\t{uid}\n" });

    [Fact]
    public async Task CheckAsync_UnprivilegedWithoutRootHelper_ProblemSaysRootOrHelper()
    {
        var result = await HostCheckHarness.Create(_host, AsUser(1001)).CheckAsync();

        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Requirement.Should().Be(HostRequirement.Privileges);
        problem.Detail.Should().Contain("uid 1001 without a root helper");
        problem.Fix.Should().Contain("--root-helper \"sudo -n\"").And.Contain("docs/deployment.md");
    }

    [Fact]
    public async Task CheckAsync_RootHelperRefuses_PrivilegesProblemQuotesSudo()
    {
        var executor = new FakeCommandExecutor();
        executor.Setup("iscsiadm", "--version").Returns(1, stderr: SudoRefused);

        var result = await HostCheckHarness.Create(executor, AsUser(1001), rootHelper: Sudo).CheckAsync();

        var problem = result.Problems.Should().ContainSingle().Which;
        problem.Requirement.Should().Be(HostRequirement.Privileges);
        problem.Detail.Should().Contain("the root helper 'sudo -n' did not run 'iscsiadm --version'").And.Contain("a password is required");
        problem.Fix.Should().Contain("sudo -n iscsiadm --version");
        result.Item(HostRequirement.IscsiAdm).Status.Should().Be(HostCheckStatus.Skipped);
    }

    [Fact]
    public async Task CheckAsync_RootHelperFindsNoIscsiAdm_IscsiAdmProblem()
    {
        var executor = new FakeCommandExecutor();
        executor.Setup("iscsiadm", "--version").Returns(1, stderr: "sudo: iscsiadm: command not found\n");

        var result = await HostCheckHarness.Create(executor, AsUser(1001), rootHelper: Sudo).CheckAsync();

        result.Problems.Should().ContainSingle().Which.Requirement.Should().Be(HostRequirement.IscsiAdm);
        result.Item(HostRequirement.Privileges).Status.Should().Be(HostCheckStatus.Ok);
    }

    [Fact]
    public async Task CheckAsync_RootHelperWorks_ReadsTheUnreadableInitiatorNameThroughIt()
    {
        // As on Debian: /etc/iscsi/initiatorname.iscsi is mode 0600, so this user's direct read gets nothing.
        var executor = new FakeCommandExecutor();
        executor.Setup("iscsiadm", "--version").Returns(0, "iscsiadm version 2.1.8\n");
        executor.SetupExact("cat", "/etc/iscsi/initiatorname.iscsi").Returns(0, "## DO NOT EDIT\nInitiatorName=iqn.2024-01.test:node1\n");
        var fs = new OverlayFileSystem(AsUser(1001), new Dictionary<string, string?>());
        var unreadable = new UnreadableFile(fs, "/etc/iscsi/initiatorname.iscsi");

        var result = await HostCheckHarness.Create(executor, unreadable, rootHelper: Sudo).CheckAsync();

        result.IsReady.Should().BeTrue(string.Join("; ", result.Items));
        result.Item(HostRequirement.Privileges).Detail.Should().Be("the root helper 'sudo -n' runs iscsiadm");
        result.Item(HostRequirement.InitiatorName).Detail.Should().Be("iqn.2024-01.test:node1");
        executor.RenderInvocations().Should().Be("iscsiadm --version\ncat /etc/iscsi/initiatorname.iscsi");
    }

    [Fact]
    public async Task CheckAsync_RootHelperCannotBeStarted_PrivilegesProblem()
    {
        var executor = new FakeCommandExecutor();
        executor.Setup("iscsiadm", "--version").Throws(new IscsiCommandException("iscsiadm", "iscsiadm --version", null, null, "Could not start 'sudo'", innerException: new System.ComponentModel.Win32Exception(2, "No such file or directory")));

        var result = await HostCheckHarness.Create(executor, AsUser(1001), rootHelper: Sudo).CheckAsync();

        result.Problems.Should().ContainSingle().Which.Detail.Should().Be("the root helper 'sudo -n' could not be started (No such file or directory)");
    }

    private sealed class UnreadableFile(Host.IHostFileSystem inner, string path) : Host.IHostFileSystem
    {
        public bool Exists(string p) => inner.Exists(p) || p == path;

        public string? ReadAllText(string p) => p == path ? null : inner.ReadAllText(p);

        public void WriteAllText(string p, string contents) => inner.WriteAllText(p, contents);

        public IReadOnlyList<string> ListDirectory(string p) => inner.ListDirectory(p);

        public string? ResolvePath(string p) => inner.ResolvePath(p);

        public IDisposable? TryAcquireLock(string p) => inner.TryAcquireLock(p);
    }
}
