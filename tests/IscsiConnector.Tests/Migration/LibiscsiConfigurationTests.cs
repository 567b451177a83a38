using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IscsiConnector.Migration;
using IscsiConnector.Tests.Migration.Support;
using static IscsiConnector.Tests.Migration.Support.Domains;

namespace IscsiConnector.Tests.Migration;

/// <summary>Real TCP probes, on loopback only: a listening socket is a live portal, a closed port refuses.</summary>
public sealed class LibiscsiConfigurationTests : IDisposable
{
    private const string Iqn = "iqn.2010-10.org.openstack:volume-00000005";
    private const string AltIqn = "iqn.2010-10.org.openstack:volume-00000005-alt";
    private readonly List<TcpListener> _listeners = [];

    public void Dispose()
    {
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
    }

    [SchemaFact]
    public async Task CreateAsync_PrimaryRefused_ChoosesTheAlternativeWithItsIqnAndLun()
    {
        var dead = RefusedPort(IPAddress.Loopback);
        var live = Listen(IPAddress.Loopback);
        var info = Info($"127.0.0.1:{dead}", alternative: $"127.0.0.1:{live}");

        var volume = await LibiscsiConfiguration.CreateAsync(info, new LibiscsiOptions { ProbeTimeout = TimeSpan.FromSeconds(1) });

        volume.Path.Should().Be(new IscsiPath(new IscsiPortal("127.0.0.1", live), AltIqn, 7));
        volume.Portals.Select(p => (p.Path.Portal.Port, p.Reachable)).Should().Equal((dead, false), (live, true));
        volume.Source.Name.Should().Be($"{AltIqn}/7");
        volume.Url.Should().Be($"iscsi://127.0.0.1:{live}/{AltIqn}/7");
        volume.DriveOptions.Should().Be($"file=iscsi://127.0.0.1:{live}/{AltIqn}/7,format=raw");
        volume.BlockdevJson.Should().Be($$"""{"driver":"iscsi","transport":"tcp","portal":"127.0.0.1:{{live}}","target":"{{AltIqn}}","lun":7}""");
        volume.PasswordSecretId.Should().BeNull();
        volume.DiskXml.Should().Be($"""
            <disk type="network" device="disk">
              <driver name="qemu" type="raw" cache="none" />
              <source protocol="iscsi" name="{AltIqn}/7">
                <host name="127.0.0.1" port="{live}" />
              </source>
              <target dev="vdb" bus="virtio" />
              <serial>{Serial}</serial>
            </disk>
            """);
        LibvirtSchema.AssertValidDisk(volume.DiskXml);
    }

    [SchemaFact]
    public async Task CreateAsync_PrimaryAnswers_IsChosenAndTheRestNotProbed()
    {
        var live = Listen(IPAddress.Loopback);
        var info = Info($"127.0.0.1:{live}", alternative: $"127.0.0.1:{RefusedPort(IPAddress.Loopback)}");

        var volume = await LibiscsiConfiguration.CreateAsync(info);

        volume.Path.Iqn.Should().Be(Iqn);
        volume.Portals.Select(p => p.Reachable).Should().Equal(true, null);
        LibvirtSchema.AssertValidDisk(volume.DiskXml);
    }

    [SchemaFact]
    public async Task CreateAsync_Ipv6ChapAndInitiator_BracketsOnlyWhereQemuNeedsThemAndNeverEmitsThePassword()
    {
        var live = Listen(IPAddress.IPv6Loopback);
        var info = Info($"[::1]:{live}", chap: new ChapCredentials("chapuser", "s3cr3t-Pa55word"));
        var options = new LibiscsiOptions { SecretUsage = "volume-5", InitiatorName = "iqn.1993-08.org.debian:01:dest", NodeName = "vol5", PasswordSecretId = "chap5", TargetDev = "sdb", TargetBus = "scsi" };

        var volume = await LibiscsiConfiguration.CreateAsync(info, options);

        volume.Url.Should().Be($"iscsi://[::1]:{live}/{Iqn}/1");
        volume.DriveOptions.Should().Be($"file=iscsi://[::1]:{live}/{Iqn}/1,file.user=chapuser,file.password-secret=chap5,file.initiator-name=iqn.1993-08.org.debian:01:dest,format=raw");
        var blockdev = JsonDocument.Parse(volume.BlockdevJson).RootElement;
        blockdev.GetProperty("portal").GetString().Should().Be($"[::1]:{live}");
        blockdev.GetProperty("user").GetString().Should().Be("chapuser");
        blockdev.GetProperty("password-secret").GetString().Should().Be("chap5");
        blockdev.GetProperty("initiator-name").GetString().Should().Be("iqn.1993-08.org.debian:01:dest");
        blockdev.GetProperty("node-name").GetString().Should().Be("vol5");
        volume.PasswordSecretId.Should().Be("chap5");
        volume.DiskXml.Should().Contain("<host name=\"::1\"").And.Contain("<auth username=\"chapuser\">").And.Contain("<secret type=\"iscsi\" usage=\"volume-5\" />")
            .And.Contain("<iqn name=\"iqn.1993-08.org.debian:01:dest\" />");
        string.Join("\n", volume.DiskXml, volume.Url, volume.DriveOptions, volume.BlockdevJson, volume.ToString(), volume.Source.ToString()).Should().NotContain("s3cr3t");
        LibvirtSchema.AssertValidDisk(volume.DiskXml);
    }

    [SchemaFact]
    public void Create_ChapWithoutSecretChoice_UsesTargetAndLunAsUsage()
    {
        var info = Info("127.0.0.1:3260", chap: new ChapCredentials("ops-user", "secret-value"));

        var volume = LibiscsiConfiguration.Create(info, info.Primary);

        volume.Source.Auth.Should().Be(new IscsiSecretReference("ops-user", $"{Iqn}-lun-1"));
        volume.Url.Should().Be($"iscsi://127.0.0.1:3260/{Iqn}/1", "a user in the URL would make QEMU use the URL's empty password");
        volume.DriveOptions.Should().Be($"file=iscsi://127.0.0.1:3260/{Iqn}/1,file.user=ops-user,file.password-secret=iscsi-chap0,format=raw");
        volume.BlockdevJson.Should().Be($$"""{"driver":"iscsi","transport":"tcp","portal":"127.0.0.1:3260","target":"{{Iqn}}","lun":1,"user":"ops-user","password-secret":"iscsi-chap0"}""");
        volume.Portals.Single().Reachable.Should().BeNull();
        LibvirtSchema.AssertValidDisk(volume.DiskXml);
    }

    [Fact]
    public void Create_ChapUserLibvirtCannotWrite_IsUnsupportedConnectionInfoWithoutTheSecret()
    {
        var info = Info("127.0.0.1:3260", chap: new ChapCredentials("ops@example", "secret-value"));

        var act = () => LibiscsiConfiguration.Create(info, info.Primary);

        act.Should().Throw<LiveMigrationException>().Where(e => e.Failure == LiveMigrationFailure.UnsupportedConnectionInfo && !e.Message.Contains("secret-value"))
            .WithMessage("*auth_username*letters, digits*");
    }

    [Fact]
    public async Task CreateAsync_NothingAnswers_IsNoReachablePortalListingEachPortal()
    {
        var a = RefusedPort(IPAddress.Loopback);
        var b = RefusedPort(IPAddress.Loopback);

        var act = () => LibiscsiConfiguration.CreateAsync(Info($"127.0.0.1:{a}", alternative: $"127.0.0.1:{b}"));

        (await act.Should().ThrowAsync<LiveMigrationException>()).Where(e => e.Failure == LiveMigrationFailure.NoReachablePortal && e.Serial == Serial)
            .WithMessage($"*127.0.0.1:{a}, 127.0.0.1:{b}*nothing was logged in*");
    }

    [Fact]
    public void Create_MutualChap_IsUnsupportedConnectionInfo()
    {
        var info = Info("127.0.0.1:3260", chap: new ChapCredentials("u", "p", "tu", "tp"));

        var act = () => LibiscsiConfiguration.Create(info, info.Primary);

        act.Should().Throw<LiveMigrationException>().Where(e => e.Failure == LiveMigrationFailure.UnsupportedConnectionInfo).WithMessage("*mutual CHAP*");
    }

    [Theory]
    [InlineData(nameof(LibiscsiOptions.TargetDev), "vd b")]
    [InlineData(nameof(LibiscsiOptions.TargetBus), "pcie")]
    [InlineData(nameof(LibiscsiOptions.Serial), "bad/serial")]
    [InlineData(nameof(LibiscsiOptions.InitiatorName), "not-an-iqn")]
    [InlineData(nameof(LibiscsiOptions.PasswordSecretId), "1abc")]
    [InlineData(nameof(LibiscsiOptions.NodeName), "a,b")]
    public void Create_BadOption_IsArgumentExceptionNamingIt(string option, string value)
    {
        var options = new LibiscsiOptions();
        typeof(LibiscsiOptions).GetProperty(option)!.SetValue(options, value);
        var info = Info("127.0.0.1:3260");

        var act = () => LibiscsiConfiguration.Create(info, info.Primary, options);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == option);
    }

    private static ConnectionInfo Info(string portal, string? alternative = null, ChapCredentials? chap = null)
    {
        var primary = new IscsiPath(IscsiPortal.Parse(portal), Iqn, 1);
        return new ConnectionInfo
        {
            Primary = primary,
            Alternatives = alternative is null ? [] : [new IscsiPath(IscsiPortal.Parse(alternative), AltIqn, 7)],
            Chap = chap,
            VolumeId = Serial,
        };
    }

    private int Listen(IPAddress address)
    {
        var listener = new TcpListener(address, 0);
        listener.Start();
        _listeners.Add(listener);
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // A port that was just free: nothing listens there, so a connect is refused at once.
    private static int RefusedPort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
