using System.Text.Json;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Scenarios;
using IscsiConnector.Testing.Simulation;

namespace IscsiConnector.Tests.Testing;

public class ScenarioTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        { "healthy-single.json", "single.json" },
        { "primary-down.json", "failover.json" },
        { "multipath-one-down.json", "multipath.json" },
        { "wrong-chap.json", "chap.json" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void FromScenario_ShippedSample_LoadsAndKnowsEveryPathOfItsConnectionInfo(string scenarioFile, string connectionInfoFile)
    {
        var host = SimulatedIscsiHost.FromScenario(File.ReadAllText(TestBed.RepositoryFile("samples/scenarios/" + scenarioFile)), new SimulatedTimeProvider());
        var paths = ConnectionInfoPaths(connectionInfoFile);

        host.InitiatorName.Should().Be("iqn.1993-08.org.debian:01:simhost");
        paths.Should().NotBeEmpty();
        foreach (var (portal, iqn, lun) in paths)
        {
            portal.Should().StartWith("127.0.0.", "samples use loopback only");
            var scenario = ScenarioDefinition.Parse(File.ReadAllText(TestBed.RepositoryFile("samples/scenarios/" + scenarioFile)));
            scenario.Portals!.Select(p => p.Address).Should().Contain(portal);
            scenario.Targets!.Should().Contain(t => t.Iqn == iqn && t.Luns!.Any(l => l.Lun == lun));
        }
    }

    [Fact]
    public async Task PrimaryDown_PrimaryTimesOutAndAlternativesLogIn()
    {
        var host = Load("primary-down.json");
        var results = new List<int>();

        foreach (var (portal, iqn, _) in ConnectionInfoPaths("failover.json"))
        {
            await host.Iscsiadm("-m", "node", "-T", iqn, "-p", portal, "-o", "new");
            results.Add((await host.Iscsiadm("-m", "node", "-T", iqn, "-p", portal, "--login")).ExitCode);
        }

        results.Should().Equal(8, 0, 0);
    }

    [Fact]
    public async Task MultipathOneDown_TwoPathsInOneMap()
    {
        var host = Load("multipath-one-down.json");

        foreach (var (portal, iqn, _) in ConnectionInfoPaths("multipath.json"))
        {
            await host.Iscsiadm("-m", "node", "-T", iqn, "-p", portal, "-o", "new");
            await host.Iscsiadm("-m", "node", "-T", iqn, "-p", portal, "--login");
        }

        // The blackholed third login (135 s virtual) outlasts the scenario's scan/udev/multipath lags.
        host.Sessions.Should().HaveCount(2);
        host.MultipathMaps.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "mpatha", Wwid = "naa.60000000000000000e00000000030001" });
    }

    [Fact]
    public async Task WrongChap_PasswordFromTheConnectionInfo_Exit24()
    {
        var host = Load("wrong-chap.json");
        using var info = JsonDocument.Parse(File.ReadAllText(TestBed.RepositoryFile("samples/connection-info/chap.json")));
        var data = info.RootElement.GetProperty("data");
        var (portal, iqn, _) = ConnectionInfoPaths("chap.json").Single();
        await host.Iscsiadm("-m", "node", "-T", iqn, "-p", portal, "-o", "new");
        await host.Iscsiadm("-m", "node", "-T", iqn, "-p", portal, "-o", "update",
            "-n", "node.session.auth.authmethod", "-v", data.GetProperty("auth_method").GetString()!,
            "-n", "node.session.auth.username", "-v", data.GetProperty("auth_username").GetString()!,
            "-n", "node.session.auth.password", "-v", data.GetProperty("auth_password").GetString()!);

        var login = await host.Iscsiadm("-m", "node", "-T", iqn, "-p", portal, "--login");

        login.ExitCode.Should().Be(24);
    }

    [Fact]
    public async Task HealthySingle_LatencyFromTheScenarioIsPaid()
    {
        var time = new SimulatedTimeProvider();
        var host = SimulatedIscsiHost.FromScenario(File.ReadAllText(TestBed.RepositoryFile("samples/scenarios/healthy-single.json")), time);

        var result = await host.Iscsiadm("-m", "session");

        result.Duration.Should().Be(TimeSpan.FromMilliseconds(300));
    }

    [Theory]
    [InlineData("""{ "targets": [], "portals": [], "tagrets": [] }""", "tagrets")]
    [InlineData("""{ "portals": [ { "address": "127.0.0.1", "state": "down" } ] }""", "portals[0].state")]
    [InlineData("""{ "targets": [ { "luns": [] } ] }""", "iqn")]
    [InlineData("""{ "portals": [ { "address": "127.0.0.1", "targets": ["iqn.x:missing"] } ] }""", "portals[0]")]
    [InlineData("""{ "targets": [ { "iqn": "iqn.x:t", "luns": [ { "lun": 1, "size_bytes": 1000 } ] } ] }""", "targets[0]")]
    [InlineData("""{ "multipathd": { "find_multipaths": "maybe" } }""", "multipathd.find_multipaths")]
    [InlineData("""{ "portals": [ { "address": "not a portal:x" } ] }""", "portals[0]")]
    public void FromScenario_InvalidDocument_FormatExceptionNamesTheKey(string json, string key)
    {
        var act = () => SimulatedIscsiHost.FromScenario(json, new SimulatedTimeProvider());

        act.Should().Throw<FormatException>().WithMessage($"*{key}*");
    }

    [Fact]
    public void FromScenario_EmptyDocument_UsesTheDefaults()
    {
        var host = SimulatedIscsiHost.FromScenario("{}", new SimulatedTimeProvider());

        host.Udev.Should().BeTrue();
        host.MultipathdRunning.Should().BeTrue();
        host.FindMultipaths.Should().Be(FindMultipathsMode.Yes);
        host.UserFriendlyNames.Should().BeTrue();
    }

    [Fact]
    public void FromScenario_ChapSecret_NotInToString()
    {
        var scenario = ScenarioDefinition.Parse("""{ "targets": [ { "iqn": "iqn.x:t", "chap": { "username": "u", "password": "topsecret" } } ] }""");

        scenario.Targets![0].ToString().Should().NotContain("topsecret");
    }

    private static SimulatedIscsiHost Load(string scenario) =>
        SimulatedIscsiHost.FromScenario(File.ReadAllText(TestBed.RepositoryFile("samples/scenarios/" + scenario)), new SimulatedTimeProvider());

    /// <summary>Reads the paths of a sample connection_info without the connector's parser (not part of this package).</summary>
    private static List<(string Portal, string Iqn, int Lun)> ConnectionInfoPaths(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestBed.RepositoryFile("samples/connection-info/" + file)));
        var data = document.RootElement.GetProperty("data");
        var paths = new List<(string, string, int)>();
        if (data.TryGetProperty("target_portals", out var portals))
        {
            var iqns = data.GetProperty("target_iqns").EnumerateArray().ToList();
            var luns = data.GetProperty("target_luns").EnumerateArray().ToList();
            paths.AddRange(portals.EnumerateArray().Select((p, i) => (p.GetString()!, iqns[i].GetString()!, luns[i].GetInt32())));
            return paths;
        }

        paths.Add((data.GetProperty("target_portal").GetString()!, data.GetProperty("target_iqn").GetString()!, data.GetProperty("target_lun").GetInt32()));
        if (data.TryGetProperty("target_alternative_portals", out var alternatives))
        {
            var iqns = data.GetProperty("target_alternative_iqns").EnumerateArray().ToList();
            var luns = data.GetProperty("target_alternative_luns").EnumerateArray().ToList();
            paths.AddRange(alternatives.EnumerateArray().Select((p, i) => (p.GetString()!, iqns[i].GetString()!, luns[i].GetInt32())));
        }

        return paths;
    }
}
