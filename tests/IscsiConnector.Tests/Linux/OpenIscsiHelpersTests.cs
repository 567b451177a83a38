using IscsiConnector.Execution;
using IscsiConnector.IscsiAdm;
using IscsiConnector.Linux;
using IscsiConnector.Linux.Internal;
using IscsiConnector.Tests.Support;
using Moq;

namespace IscsiConnector.Tests.Linux;

public sealed class OpenIscsiHelpersTests
{
    [Theory]
    [InlineData("naa.60000000000000000e00000000010001", "360000000000000000e00000000010001")]
    [InlineData("eui.0123456789abcdef", "20123456789abcdef")]
    [InlineData("t10.IET     VIRTUAL-DISK", "1IET     VIRTUAL-DISK")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ToUdevWwn_SysfsWwid_BecomesUdevForm(string? sysfs, string? expected) =>
        OpenIscsiInitiator.ToUdevWwn(sysfs).Should().Be(expected);

    [Fact]
    public void Parse_SendTargetsAnswer_ReadsIpv4AndIpv6AndSkipsNoise()
    {
        const string output = "127.0.0.1:3260,1 iqn.2024-01.test.vmspike:disk1\n[fd00::1]:3260,1 iqn.2024-01.test.vmspike:disk1\niscsiadm: debug noise here\n127.0.0.2:3261,4294967295 iqn.2024-01.test:other\n";

        var paths = SendTargetsOutput.Parse(output, lun: 7);

        paths.Select(p => (p.Portal.Host, p.Portal.Port, p.Iqn, p.Lun)).Should().Equal(
            ("127.0.0.1", 3260, "iqn.2024-01.test.vmspike:disk1", 7),
            ("fd00::1", 3260, "iqn.2024-01.test.vmspike:disk1", 7),
            ("127.0.0.2", 3261, "iqn.2024-01.test:other", 7));
    }

    [Fact]
    public void Parse_RealTgtdAnswer_ListsEveryTargetOnTheAskedPortalOnly()
    {
        var output = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Connector", "sendtargets-127.0.0.1.txt"));

        var paths = SendTargetsOutput.Parse(output, lun: 1);

        paths.Select(p => (p.Portal.Address, p.Portal.Tpgt, p.Iqn)).Should().Equal(
            ("127.0.0.1:3260", 1, "iqn.2024-01.test.vmspike:disk1"),
            ("127.0.0.1:3260", 1, "iqn.2024-01.test.vmspike:chap"));
    }

    [Fact]
    public async Task RunAsync_FailedCommand_ThrowsTypedErrorWithDefaultTimeoutAndSecretsMasked()
    {
        var seen = new List<CommandSpec>();
        var executor = new Mock<ICommandExecutor>();
        executor.Setup(e => e.ExecuteAsync(It.IsAny<CommandSpec>(), It.IsAny<CancellationToken>()))
            .Callback<CommandSpec, CancellationToken>((c, _) => seen.Add(c))
            .ReturnsAsync(new CommandResult(24, string.Empty, "iscsiadm: login failed", TimeSpan.Zero));
        var runner = new CommandRunner(executor.Object, new IscsiConnectorOptions { RootHelper = ["sudo"] }.CommandTimeout);
        var command = new CommandSpec("iscsiadm", ["-v", CommandArgument.Secret("pw-123")]);

        var act = () => runner.RunAsync(command, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<IscsiCommandException>()).Which;
        // The root helper belongs to the process executor; the runner never wraps a second time.
        seen.Single().FileName.Should().Be("iscsiadm");
        seen.Single().ArgumentValues.Should().Equal("-v", "pw-123");
        seen.Single().Timeout.Should().Be(TimeSpan.FromMinutes(2));
        error.Program.Should().Be("iscsiadm");
        error.IsAuthenticationFailure.Should().BeTrue();
        error.Message.Should().NotContain("pw-123");
        error.CommandLine.Should().Contain("***");
    }

    [LinuxFact]
    public async Task CreateProcessExecutor_RootHelperOption_PrefixesEveryCommand()
    {
        // "env NAME=value" stands in for "sudo -n": a helper that runs the rest of the line.
        var executor = IscsiConnectorFactory.CreateProcessExecutor(new IscsiConnectorOptions { RootHelper = ["env", "ROOT_HELPER_SEEN=yes"] }, null);

        var result = await executor.ExecuteAsync(new CommandSpec("/bin/sh", "-c", "echo $ROOT_HELPER_SEEN"));

        result.StandardOutput.Trim().Should().Be("yes");
    }

    [Fact]
    public void PhysicalHostFileSystem_TempTree_ReadsListsResolvesAndWritesOnlyExistingFiles()
    {
        var root = Path.Combine(Path.GetTempPath(), "iscsi-fs-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "real", "dir"));
        File.WriteAllText(Path.Combine(root, "real", "dir", "attr"), "value\n");
        File.CreateSymbolicLink(Path.Combine(root, "link"), "real/dir");
        var fs = new IscsiConnector.Host.PhysicalHostFileSystem();
        try
        {
            fs.ReadAllText(Path.Combine(root, "link", "attr")).Should().Be("value\n");
            fs.ReadAllText(Path.Combine(root, "missing")).Should().BeNull();
            fs.ListDirectory(Path.Combine(root, "real")).Should().Equal("dir");
            fs.ListDirectory(Path.Combine(root, "missing")).Should().BeEmpty();
            fs.ResolvePath(Path.Combine(root, "link", "attr")).Should().Be(Path.Combine(root, "real", "dir", "attr"));
            fs.ResolvePath(Path.Combine(root, "nothing")).Should().BeNull();
            fs.Exists(Path.Combine(root, "link")).Should().BeTrue();
            fs.WriteAllText(Path.Combine(root, "real", "dir", "attr"), "1");
            fs.ReadAllText(Path.Combine(root, "real", "dir", "attr")).Should().Be("1");
            fs.Invoking(x => x.WriteAllText(Path.Combine(root, "real", "new"), "1")).Should().Throw<IOException>();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
