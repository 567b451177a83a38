using IscsiConnector.Testing.Simulation;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Testing.TestBed;

namespace IscsiConnector.Tests.Connector;

/// <summary>The shipped samples/scenarios + samples/connection-info pairs, attached and detached through the library.</summary>
public sealed class SampleScenarioTests
{
    private static ConnectorFixture Rig(string scenario, bool multipath = false) => new(
        o => o.UseMultipath = multipath,
        host: time => SimulatedIscsiHost.FromScenario(File.ReadAllText(RepositoryFile($"samples/scenarios/{scenario}")), time));

    private static ConnectionInfo Sample(string name) => ConnectionInfo.Parse(File.ReadAllText(RepositoryFile($"samples/connection-info/{name}")));

    [Theory]
    [InlineData("healthy-single.json", "single.json", false, "127.0.0.1:3260", 1)]
    [InlineData("primary-down.json", "failover.json", false, "127.0.0.2:3260", 1)]
    [InlineData("multipath-one-down.json", "multipath.json", true, "127.0.0.1:3260", 2)]
    public async Task Sample_AttachThenDetach_IntendedOutcomeAndNoLeaks(string scenario, string info, bool multipath, string firstPortal, int paths)
    {
        using var rig = Rig(scenario, multipath);

        var attachment = await rig.Connector.ConnectVolumeAsync(Sample(info));

        attachment.Devices.Should().HaveCount(paths);
        attachment.Devices.Select(d => d.Path.Portal.Address).Should().Contain(firstPortal);
        attachment.IsMultipath.Should().Be(multipath);
        if (multipath)
        {
            attachment.Path.Should().StartWith("/dev/dm-");
        }

        var result = await rig.Connector.DisconnectVolumeAsync(Sample(info), attachment);
        result.IsClean.Should().BeTrue();
        rig.Host.Leaks().Should().BeEmpty();
    }

    [Fact]
    public async Task Sample_WrongChap_AuthenticationFailureAndNoLeaks()
    {
        using var rig = Rig("wrong-chap.json");

        var act = () => rig.Connector.ConnectVolumeAsync(Sample("chap.json"));

        (await act.Should().ThrowAsync<VolumeAttachException>()).Which.IsAuthenticationFailure.Should().BeTrue();
        rig.Logs.AllText.Should().NotContain("wrong-password");
        rig.Host.Leaks().Should().BeEmpty();
    }
}
