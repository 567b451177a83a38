using IscsiConnector.Execution;
using IscsiConnector.IscsiAdm;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Connector;

/// <summary>Failover attach (specs 000/002) on the simulated host: every connection_info encoding, backend order, cleanup of failed portals, timing.</summary>
public sealed class FailoverAttachTests : IDisposable
{
    private const string Alt = "iqn.2024-01.test:alt";
    private const string TwoPortalData = """{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"target_alternative_portals":["127.0.0.2:3260"],"target_alternative_iqns":["IQN"],"target_alternative_luns":[1]}""";
    // The backend's order, portal by portal (spec 000), as os-brick: probing (on by default) is tested in PortalProbeTests.
    private readonly ConnectorFixture _f = new(o => o.ProbePortals = false);

    public void Dispose() => _f.Dispose();

    internal static string[] LoginArguments(string portal, string iqn = Iqn) => ["-m", "node", "-T", iqn, "-p", portal, "-I", "default", "--login"];

    [Fact]
    public async Task ConnectVolumeAsync_HealthyPrimary_UsesFourIscsiadmProcessesAndNothingElse()
    {
        _f.Host.AddTarget(Iqn, Lun(1, Wwid)).AddPortal("127.0.0.1:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        // -o new, -o update (every setting in one call), --login, then node.startup=automatic (only once the login worked, as
        // os-brick: issue 12 item 4); the LUN scan is a sysfs write. os-brick: 8 (docs/connector.md).
        _f.IscsiAdmOperations().Should().Equal("127.0.0.1:3260 -o new", "127.0.0.1:3260 -o update", "127.0.0.1:3260 --login", "127.0.0.1:3260 -o update");
        _f.Host.ProcessStartCount.Should().Be(4, "finding the session and the disk goes through sysfs");
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
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");

        await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        var record = _f.Host.NodeRecords.Single().Settings;
        record.Should().Contain("node.session.scan", "manual")
            .And.Contain("node.startup", "automatic")
            .And.Contain("node.conn[0].timeo.login_timeout", "5")
            .And.Contain("node.session.initial_login_retry_max", "0")
            .And.Contain("node.session.auth.authmethod", "None");
        _f.Commands.First(c => c.ArgumentValues.Contains("update")).ArgumentValues.Should().ContainInOrder("-I", "default");
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
        _f.Host.AddTarget(Iqn);
        for (var i = 1; i <= 5; i++)
        {
            _f.Host.AddPortal($"127.0.0.{i}:3260", PortalState.Refusing);
        }

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
        _f.Host.NodeRecords.Should().BeEmpty("every record this attach created is deleted again");
    }

    public static TheoryData<string, string, string[]> Documents => new()
    {
        {
            "single",
            """{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1}""",
            ["127.0.0.1:3260"]
        },
        {
            "target_alternative_*",
            """{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"target_alternative_portals":["127.0.0.2:3260","127.0.0.3:3260"],"target_alternative_iqns":["IQN","IQN"],"target_alternative_luns":[1,1]}""",
            ["127.0.0.1:3260", "127.0.0.2:3260", "127.0.0.3:3260"]
        },
        {
            "target_portals plural keys",
            """{"target_portal":"127.0.0.1:3260","target_iqn":"IQN","target_lun":1,"target_portals":["127.0.0.1:3260","127.0.0.4:3260","127.0.0.5:3260"],"target_iqns":["IQN","IQN","IQN"],"target_luns":[1,1,1]}""",
            ["127.0.0.1:3260", "127.0.0.4:3260", "127.0.0.5:3260"]
        },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task ConnectVolumeAsync_OnlyLastPortalUp_TriesBackendOrderAndCleansFailedPortals(string encoding, string data, string[] order)
    {
        _f.Host.AddTarget(Iqn, Lun(1));
        for (var i = 0; i < order.Length; i++)
        {
            _f.Host.AddPortal(order[i], i == order.Length - 1 ? PortalState.Up : i % 2 == 0 ? PortalState.Blackholed : PortalState.Refusing);
        }

        var attachment = await _f.Connector.ConnectVolumeAsync(Info(data));

        _f.IscsiAdmOperations().Where(o => o.EndsWith("--login", StringComparison.Ordinal)).Select(o => o.Split(' ')[0]).Should().Equal(order, encoding);
        attachment.Path.Should().Be("/dev/sda");
        attachment.Portals.Select(p => p.Outcome).Should().Equal([.. Enumerable.Repeat(LoginOutcome.Failed, order.Length - 1), LoginOutcome.LoggedIn]);
        _f.Host.NodeRecords.Select(n => n.Portal).Should().Equal([order[^1]], "records of failed portals are deleted");
        _f.Host.Sessions.Should().ContainSingle().Which.Portal.Should().Be(order[^1]);

        var result = await _f.Connector.DisconnectVolumeAsync(Info(data), attachment);

        result.IsClean.Should().BeTrue();
        _f.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_ThreePortalsDead_FailsAfterThreeLoginTimeoutsAndLeavesNothing()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Blackholed).AddPortal("127.0.0.2:3260", PortalState.Refusing).AddPortal("127.0.0.3:3260", PortalState.Blackholed);

        var act = () => _f.Connector.ConnectVolumeAsync(Info(Documents.Skip(1).First()[1].ToString()!));

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Portals.Should().HaveCount(3).And.OnlyContain(p => p.Outcome == LoginOutcome.Failed && p.Failure == PortalFailureKind.LoginFailed);
        error.IsAuthenticationFailure.Should().BeFalse();
        _f.Host.Leaks().Should().BeEmpty();
        _f.Time.Elapsed.Should().Be(TimeSpan.FromSeconds(15), "three dead portals at the 5 s LoginTimeout, no retries");
    }

    [Fact]
    public async Task ConnectVolumeAsync_PrimaryDead_FailsOverAndDeletesThePrimaryRecord()
    {
        _f.Host.AddTarget(Alt, Lun(2, Wwid)).AddPortal("127.0.0.1:3260", PortalState.Refusing).AddPortal("127.0.0.2:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2", 2, Alt)] };

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        _f.IscsiAdmOperations().Should().Equal(
            "127.0.0.1:3260 -o new", "127.0.0.1:3260 -o update", "127.0.0.1:3260 --login", "127.0.0.1:3260 -o delete",
            "127.0.0.2:3260 -o new", "127.0.0.2:3260 -o update", "127.0.0.2:3260 --login", "127.0.0.2:3260 -o update");
        attachment.Portals.Select(p => p.Outcome).Should().Equal(LoginOutcome.Failed, LoginOutcome.LoggedIn);
        attachment.Portals[0].Failure.Should().Be(PortalFailureKind.LoginFailed);
        attachment.Portals[0].NativeCode.Should().Be((int)IscsiAdmExitCode.TransportTimeout);
        attachment.Portals[0].ErrorKind.Should().Be(IscsiErrorKind.Unreachable);
        attachment.Devices.Single().Path.Lun.Should().Be(2);
        _f.Host.NodeRecords.Select(n => (n.Portal, n.TargetIqn)).Should().Equal([("127.0.0.2:3260", Alt)]);
    }

    [Fact]
    public async Task ConnectVolumeAsync_PrimaryWorks_AlternativesAreSkippedWithAReason()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] };

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        attachment.Portals[1].Outcome.Should().Be(LoginOutcome.Skipped);
        attachment.Portals[1].Message.Should().Contain("127.0.0.1:3260");
    }

    [Fact]
    public async Task ConnectVolumeAsync_BlackholedPrimary_CostsNoMoreThanTheLoginTimeout()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Blackholed).AddPortal("127.0.0.2:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] };

        var attachment = await _f.Connector.ConnectVolumeAsync(info);

        attachment.Portals[0].Elapsed.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(_f.Options.LoginTimeout);
        attachment.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "iscsid's defaults would have cost 135 s on this host");
    }

    [Theory]
    [InlineData(5, 0, 5)] // the connector's defaults, written into the record before the login
    [InlineData(15, 8, 135)] // iscsid.conf's defaults (login_timeout 15, initial_login_retry_max 8): ~123 s measured on the bed
    public async Task ConnectVolumeAsync_BlackholedPrimary_CostsTheConfiguredLoginTimeout(int loginTimeoutSeconds, int retryMax, int expectedSeconds)
    {
        using var f = new ConnectorFixture(o =>
        {
            o.ProbePortals = false;
            o.LoginTimeout = TimeSpan.FromSeconds(loginTimeoutSeconds);
            o.InitialLoginRetryMax = retryMax;
            o.CommandTimeout = TimeSpan.FromMinutes(5);
        });
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Blackholed).AddPortal("127.0.0.2:3260");

        var attachment = await f.Connector.ConnectVolumeAsync(Info(TwoPortalData));

        attachment.Portals[0].Elapsed.Should().Be(TimeSpan.FromSeconds(expectedSeconds));
        attachment.Portals[0].NativeCode.Should().Be((int)IscsiAdmExitCode.TransportTimeout);
        attachment.Portals[0].ErrorKind.Should().Be(IscsiErrorKind.Unreachable);
        f.Time.Elapsed.Should().Be(TimeSpan.FromSeconds(expectedSeconds), "the healthy alternative costs no simulated time");
    }

    [Fact]
    public async Task ConnectVolumeAsync_RecordExistedBefore_IsUpdatedNotRecreatedAndKeptWhenThePortalFails()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260", PortalState.Refusing).AddPortal("127.0.0.2:3260");
        string[] node = ["-m", "node", "-T", Iqn, "-p", "127.0.0.1:3260"];
        await _f.AdminAsync([.. node, "-o", "new"]);
        await _f.AdminAsync([.. node, "-o", "update", "-n", "node.session.cmds_max", "-v", "64"]);

        var attachment = await _f.Connector.ConnectVolumeAsync(Info(TwoPortalData));

        attachment.Portals[0].Outcome.Should().Be(LoginOutcome.Failed);
        _f.IscsiAdmOperations().Should().StartWith(["127.0.0.1:3260 -o update", "127.0.0.1:3260 --login"], "the admin's record is read from /etc/iscsi/nodes and updated, not recreated")
            .And.NotContain("127.0.0.1:3260 -o new")
            .And.NotContain("127.0.0.1:3260 -o delete");
        _f.Host.NodeRecords.Should().Contain(n => n.Portal == "127.0.0.1:3260" && n.Settings["node.session.cmds_max"] == "64");
    }

    [Fact]
    public async Task ConnectVolumeAsync_TwiceForTheSameVolume_ReturnsTheSameDeviceWithOneSessionAndNoProcess()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1") };

        var first = await _f.Connector.ConnectVolumeAsync(info);
        _f.Host.ClearInvocations();
        var second = await _f.Connector.ConnectVolumeAsync(info);

        second.Path.Should().Be(first.Path);
        second.Portals.Single().Outcome.Should().Be(LoginOutcome.AlreadyLoggedIn);
        _f.Host.Sessions.Should().ContainSingle();
        _f.Host.ProcessStartCount.Should().Be(0, "the session and the disk are found in sysfs");
    }

    [Fact]
    public async Task ConnectVolumeAsync_TransientLoginError_IsRetried()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260")
            .InjectFailure("iscsiadm", LoginArguments("127.0.0.1:3260"), 1, (int)IscsiAdmExitCode.TryAgain, "iscsiadm: initiator reported error (29 - operation failed but retry may succeed)\n");

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Portals.Single().Outcome.Should().Be(LoginOutcome.LoggedIn);
        _f.Count("iscsiadm", "--login").Should().Be(2);
    }

    [Fact]
    public async Task ConnectVolumeAsync_LunNeedsRescans_ScansWithBackoffUntilTheDiskAppears()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").MissScans(Iqn, 1, 2);

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        attachment.Path.Should().Be("/dev/sda");
        attachment.Portals.Single().Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3), "rescans come 1 s and then 2 s after the first scan");
    }

    [Fact]
    public async Task ConnectVolumeAsync_LunNeverAppears_ReportsDeviceNotFoundAndLogsOut()
    {
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").MissScans(Iqn, 1, int.MaxValue);

        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Portals.Single().Failure.Should().Be(PortalFailureKind.DeviceNotFound);
        error.IsAuthenticationFailure.Should().BeFalse();
        _f.Host.Sessions.Should().BeEmpty();
        _f.Host.NodeRecords.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_SysfsNotWritable_FailsThePortalAndLogsOutAgain()
    {
        _f.Host.SysfsWritable = false;
        _f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260");

        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1") });

        var error = (await act.Should().ThrowAsync<VolumeAttachException>()).Which;
        error.Portals.Single().Failure.Should().Be(PortalFailureKind.DeviceNotFound);
        error.Portals.Single().Message.Should().Contain("denied");
        _f.Host.Sessions.Should().BeEmpty();
        _f.Host.NodeRecords.Should().BeEmpty();
    }

    [Fact]
    public async Task ConnectVolumeAsync_SharedSessionHasAnotherLun_ReturnsOnlyTheRequestedLun()
    {
        _f.Host.AddTarget(Iqn, Lun(1, Wwid), Lun(2, "naa.60000000000000000e00000000010002")).AddPortal("127.0.0.1:3260");
        await _f.LoginDirectlyAsync("127.0.0.1:3260", Iqn, 2);

        var attachment = await _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf("127.0.0.1", 1) });

        attachment.Devices.Single().Address.Lun.Should().Be(1);
        attachment.Path.Should().Be("/dev/sdb", "sda is LUN 2, another volume's disk");
        attachment.ScsiWwn.Should().Be(UdevWwn);
        _f.Host.ProcessStartCount.Should().Be(0, "the existing session is reused and the LUN is scanned through sysfs");
    }

    [Fact]
    public async Task ConnectVolumeAsync_ProgrammaticInfoWithOptionLikeIqn_IsRejectedBeforeAnyCommand()
    {
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2", 1, "--op=delete")] };

        var act = () => _f.Connector.ConnectVolumeAsync(info);

        (await act.Should().ThrowAsync<ConnectionInfoException>()).Which.Key.Should().Be("target_alternative_iqns[0]");
        _f.Host.ProcessStartCount.Should().Be(0);
    }

    [Theory]
    [InlineData("-p", "target_portal")]
    [InlineData("127.0.0.1\n", "target_portal")]
    [InlineData("127.0.0.1 x", "target_portal")]
    public async Task ConnectVolumeAsync_UnsafePortalHost_IsRejectedNamingTheKey(string host, string key)
    {
        var act = () => _f.Connector.ConnectVolumeAsync(new ConnectionInfo { Primary = PathOf(host) });

        (await act.Should().ThrowAsync<ConnectionInfoException>()).Which.Key.Should().Be(key);
        _f.Host.ProcessStartCount.Should().Be(0);
    }
}
