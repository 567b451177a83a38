using IscsiConnector.IscsiAdm;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

public sealed class FailoverAttachTests : IDisposable
{
    private readonly ConnectorFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ConnectVolumeAsync_HealthyPrimary_UsesThreeIscsiadmProcessesAndNothingElse()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        _f.IscsiAdmOperations().Should().Equal("127.0.0.1:3260 -o new", "127.0.0.1:3260 -o update", "127.0.0.1:3260 --login");
        _f.Host.Commands.Should().HaveCount(3, "finding the session and the disk goes through sysfs");
        attachment.Path.Should().Be("/dev/sda");
        attachment.DeviceType.Should().Be("block");
        attachment.ByPath.Should().Be($"/dev/disk/by-path/ip-127.0.0.1:3260-iscsi-{Iqn}-lun-1");
        attachment.ScsiWwn.Should().Be(UdevWwn);
        attachment.MultipathId.Should().BeNull();
        attachment.Devices.Should().ContainSingle().Which.Address.Lun.Should().Be(1);
        attachment.Portals.Should().ContainSingle().Which.Outcome.Should().Be(LoginOutcome.LoggedIn);
        attachment.ToDictionary().Should().Contain("path", "/dev/sda").And.Contain("scsi_wwn", UdevWwn).And.NotContainKey("multipath_id");
    }

    [Fact]
    public async Task ConnectVolumeAsync_NodeUpdate_SetsEverySettingInOneCommand()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);

        await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        var record = _f.Host.Nodes[("127.0.0.1", 3260, Iqn)];
        record.Should().Contain("node.session.scan", "manual")
            .And.Contain("node.startup", "automatic")
            .And.Contain("node.conn[0].timeo.login_timeout", "5")
            .And.Contain("node.session.initial_login_retry_max", "0")
            .And.Contain("node.session.auth.authmethod", "None");
        _f.Host.Commands.Single(c => c.ArgumentValues.Contains("update")).ArgumentValues.Should().ContainInOrder("-I", "default");
    }

    public static TheoryData<string, string[]> Encodings => new()
    {
        { "singular", ["127.0.0.1:3260"] },
        { "alternatives", ["127.0.0.1:3260", "127.0.0.2:3260", "127.0.0.3:3260"] },
        { "plural keys without multipath", ["127.0.0.1:3260", "127.0.0.4:3260", "127.0.0.5:3260"] },
        { "alternatives then plural", ["127.0.0.1:3260", "127.0.0.2:3260", "127.0.0.4:3260"] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task ConnectVolumeAsync_AllPortalsDead_TriesEachEncodingInBackendOrder(string encoding, string[] expectedOrder)
    {
        var info = encoding switch
        {
            "singular" => new ConnectionInfo { Primary = PathOf("127.0.0.1") },
            "alternatives" => new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2", 2), PathOf("127.0.0.3", 3)] },
            "plural keys without multipath" => new ConnectionInfo { Primary = PathOf("127.0.0.1"), Portals = [PathOf("127.0.0.1"), PathOf("127.0.0.4"), PathOf("127.0.0.5")] },
            _ => new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")], Portals = [PathOf("127.0.0.4")] },
        };

        var act = () => _f.Connector.ConnectVolumeAsync(info);

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Portals.Select(p => p.Path.Portal.Address).Should().Equal(expectedOrder);
        _f.IscsiAdmOperations().Where(o => o.EndsWith("--login", StringComparison.Ordinal)).Select(o => o.Split(' ')[0]).Should().Equal(expectedOrder);
        error.Portals.Should().OnlyContain(p => p.Outcome == LoginOutcome.Failed && p.NativeCode == (int)IscsiAdmExitCode.TransportTimeout && p.ErrorKind == IscsiErrorKind.Unreachable);
        _f.Host.Nodes.Should().BeEmpty("every record this attach created is deleted again");
    }

    [Fact]
    public async Task ConnectVolumeAsync_PrimaryDead_FailsOverAndDeletesThePrimaryRecord()
    {
        _f.Host.Portal("127.0.0.1").State = MiniPortalState.Refused;
        _f.Host.AddTarget("127.0.0.2", "iqn.2024-01.test:alt").AddLun(2, Wwid);
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2", 2, "iqn.2024-01.test:alt")] };

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        _f.IscsiAdmOperations().Should().Equal(
            "127.0.0.1:3260 -o new", "127.0.0.1:3260 -o update", "127.0.0.1:3260 --login", "127.0.0.1:3260 -o delete",
            "127.0.0.2:3260 -o new", "127.0.0.2:3260 -o update", "127.0.0.2:3260 --login");
        attachment.Portals.Select(p => p.Outcome).Should().Equal(LoginOutcome.Failed, LoginOutcome.LoggedIn);
        attachment.Portals[0].Failure.Should().Be(PortalFailureKind.LoginFailed);
        attachment.Portals[0].NativeCode.Should().Be((int)IscsiAdmExitCode.TransportTimeout);
        attachment.Portals[0].ErrorKind.Should().Be(IscsiErrorKind.Unreachable);
        attachment.Devices.Single().Path.Lun.Should().Be(2);
        _f.Host.Nodes.Keys.Should().Equal([("127.0.0.2", 3260, "iqn.2024-01.test:alt")]);
    }

    [Fact]
    public async Task ConnectVolumeAsync_PrimaryWorks_AlternativesAreSkippedWithAReason()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] };

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        attachment.Portals[1].Outcome.Should().Be(LoginOutcome.Skipped);
        attachment.Portals[1].Message.Should().Contain("127.0.0.1:3260");
    }

    [Fact]
    public async Task ConnectVolumeAsync_BlackholedPrimary_CostsNoMoreThanTheLoginTimeout()
    {
        _f.Host.Portal("127.0.0.1").State = MiniPortalState.Blackholed;
        _f.Host.AddTarget("127.0.0.2", Iqn).AddLun(1, Wwid);
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] };

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        attachment.Portals[0].Elapsed.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(_f.Options.LoginTimeout);
        attachment.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "iscsid's defaults would have cost 135 s on this host");
    }

    [Fact]
    public async Task ConnectVolumeAsync_RecordExistedBefore_IsNotDeletedWhenThePortalFails()
    {
        _f.Host.Portal("127.0.0.1").State = MiniPortalState.Refused;
        _f.Host.Nodes[("127.0.0.1", 3260, Iqn)] = new Dictionary<string, string> { ["node.startup"] = "automatic" };
        _f.Host.AddTarget("127.0.0.2", Iqn).AddLun(1, Wwid);
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] };

        await _f.Connector.ConnectVolumeAsync(info);

        _f.Host.Nodes.Should().ContainKey(("127.0.0.1", 3260, Iqn));
        _f.IscsiAdmOperations().Should().StartWith(["127.0.0.1:3260 -o update", "127.0.0.1:3260 --login"], "an existing record is updated, not recreated")
            .And.NotContain("127.0.0.1:3260 -o delete");
    }

    [Fact]
    public async Task ConnectVolumeAsync_TwiceForTheSameVolume_ReturnsTheSameDeviceWithOneSession()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };

        var first = await _f.Connector.ConnectVolumeAsync(info);
        _f.Host.ClearCommands();
        var second = await _f.Connector.ConnectVolumeAsync(info);

        second.Path.Should().Be(first.Path);
        second.Portals.Single().Outcome.Should().Be(LoginOutcome.AlreadyLoggedIn);
        _f.Host.Sessions.Should().ContainSingle();
        _f.Host.Commands.Should().BeEmpty("the session and the disk are found in sysfs");
    }

    [Fact]
    public async Task ConnectVolumeAsync_TransientLoginError_IsRetried()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);
        _f.Host.ScriptedLoginExitCodes.Enqueue((int)IscsiAdmExitCode.TryAgain);

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Portals.Single().Outcome.Should().Be(LoginOutcome.LoggedIn);
        _f.IscsiAdmOperations().Count(o => o.EndsWith("--login", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public async Task ConnectVolumeAsync_LunNeedsRescans_ScansWithBackoffUntilTheDiskAppears()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid, scansNeeded: 3);

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Path.Should().Be("/dev/sda");
        attachment.Portals.Single().Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3), "rescans come 1 s and then 2 s after the first scan");
    }

    [Fact]
    public async Task ConnectVolumeAsync_LunNeverAppears_ReportsDeviceNotFoundAndLogsOut()
    {
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid, scansNeeded: int.MaxValue);

        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Portals.Single().Failure.Should().Be(PortalFailureKind.DeviceNotFound);
        error.IsAuthenticationFailure.Should().BeFalse();
        _f.Host.Sessions.Should().BeEmpty();
        _f.Host.Nodes.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_SysfsNotWritable_FailsThePortalAndLogsOutAgain()
    {
        _f.Host.SysfsReadOnly = true;
        _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid);

        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Portals.Single().Failure.Should().Be(PortalFailureKind.DeviceNotFound);
        error.Portals.Single().Message.Should().Contain("denied");
        _f.Host.Sessions.Should().BeEmpty();
        _f.Host.Nodes.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_SharedSessionHasAnotherLun_ReturnsOnlyTheRequestedLun()
    {
        var target = _f.Host.AddTarget("127.0.0.1", Iqn).AddLun(1, Wwid).AddLun(2, "naa.60000000000000000e00000000010002");
        _f.Host.LoginDirectly("127.0.0.1", Iqn, scanLuns: 2);
        _ = target;

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", 1) });

        attachment.Devices.Single().Address.Lun.Should().Be(1);
        attachment.Path.Should().Be("/dev/sdb", "sda is LUN 2, another volume's disk");
        attachment.ScsiWwn.Should().Be(UdevWwn);
        _f.Host.Commands.Should().BeEmpty("the existing session is reused and the LUN is scanned through sysfs");
    }

    [Fact]
    public async Task ConnectVolumeAsync_ProgrammaticInfoWithOptionLikeIqn_IsRejectedBeforeAnyCommand()
    {
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2", 1, "--op=delete")] };

        var act = () => _f.Connector.ConnectVolumeAsync(info);

        (await act.Should().ThrowAsync<ConnectionInfoException>()).Which.Key.Should().Be("target_alternative_iqns[0]");
        _f.Host.Commands.Should().BeEmpty();
    }

    [Theory]
    [InlineData("-p", "target_portal")]
    [InlineData("127.0.0.1\n", "target_portal")]
    [InlineData("127.0.0.1 x", "target_portal")]
    public async Task ConnectVolumeAsync_UnsafePortalHost_IsRejectedNamingTheKey(string host, string key)
    {
        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf(host) });

        (await act.Should().ThrowAsync<ConnectionInfoException>()).Which.Key.Should().Be(key);
        _f.Host.Commands.Should().BeEmpty();
    }
}
