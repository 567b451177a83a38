using System.Text.Json;
using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

/// <summary><c>connect --transport</c> with an iface that does not exist: fall back to TCP and say so, or fail with exit 6.</summary>
public sealed class TransportFallbackTests
{
    private const string Offload = "cxgb4i.00:07:43:aa:bb:cc";

    [Theory]
    [InlineData(null)]
    [InlineData("tcp")]
    public async Task Connect_MissingIfaceWithFallback_LogsInOverDefaultAndSaysWhy(string? fallback)
    {
        string[] extra = fallback is null ? [] : ["--transport-fallback", fallback];
        var result = await Tool.RunAsync(["connect", "--simulate", Samples.HealthySingle, "--connection-info", Samples.Single, "--time-scale", "0", "--transport", Offload, .. extra]);

        result.ExitCode.Should().Be(0, result.ToString());
        var portal = result.Json().GetProperty("portals")[0];
        portal.GetProperty("outcome").GetString().Should().Be("logged_in");
        portal.GetProperty("iface").GetString().Should().Be("default");
        var why = portal.GetProperty("transport_fallback");
        why.GetProperty("requested_iface").GetString().Should().Be(Offload);
        why.GetProperty("reason").GetString().Should().Be("iface_not_found");
        why.GetProperty("message").GetString().Should().Contain("does not exist");
        result.Stderr.Should().Contain("warning: Iface " + Offload + " cannot be used (IfaceNotFound)");
    }

    [Fact]
    public async Task Connect_DefaultTransport_ReportsDefaultIfaceAndNoFallback()
    {
        var result = await Tool.RunAsync("connect", "--simulate", Samples.HealthySingle, "--connection-info", Samples.Single, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var portal = result.Json().GetProperty("portals")[0];
        portal.GetProperty("iface").GetString().Should().Be("default");
        portal.GetProperty("transport_fallback").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Connect_MissingIfaceWithFallbackFail_ExitsSixBeforeAnyNodeCommand()
    {
        var result = await Tool.RunAsync("connect", "--simulate", Samples.HealthySingle, "--connection-info", Samples.Single, "--time-scale", "0", "--transport", Offload, "--transport-fallback", "fail", "--verbose");

        result.ExitCode.Should().Be(6, result.ToString());
        var json = result.Json();
        json.GetProperty("iface").GetString().Should().Be(Offload);
        json.GetProperty("reason").GetString().Should().Be("iface_not_found");
        json.GetProperty("portals").GetArrayLength().Should().Be(0);
        result.Stderr.Should().Contain("-m iface -I " + Offload + " -o show").And.NotContain("-m node", "nothing is logged in or recorded");
        result.StderrLines.Last().Should().StartWith("iscsi-connector: error: Iface " + Offload + " does not exist");
    }

    [Fact]
    public async Task Plan_MissingIfaceWithFallbackFail_ShowsOnlyTheIfaceCheck()
    {
        // plan runs the same flow: with fallback off it stops at the iface check.
        var result = await Tool.RunAsync("plan", "--connection-info", Samples.Single, "--transport", Offload, "--transport-fallback", "fail");

        result.ExitCode.Should().Be(6, result.ToString());
        result.StderrLines.Last().Should().Contain("does not exist");
    }
}
