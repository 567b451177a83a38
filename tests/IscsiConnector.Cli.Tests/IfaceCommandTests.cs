using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

/// <summary>
/// <c>iface list|show|create|delete|check</c> over a simulated host. Simulated state lives only as long as the process,
/// so each run starts from the built-in <c>default</c> and <c>iser</c> ifaces.
/// </summary>
public sealed class IfaceCommandTests
{
    [Fact]
    public async Task List_FreshHost_PrintsBuiltInIfaces()
    {
        var result = await Tool.RunAsync("iface", "list", "--simulate", Samples.HealthySingle, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var ifaces = result.Json().EnumerateArray().ToList();
        ifaces.Select(i => i.GetProperty("name").GetString()).Should().Equal("default", "iser");
        ifaces.Select(i => i.GetProperty("transport").GetString()).Should().Equal("tcp", "iser");
        ifaces[0].GetProperty("hwaddress").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        ifaces[0].TryGetProperty("net_ifacename", out _).Should().BeTrue();
        ifaces[0].TryGetProperty("initiatorname", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Show_Default_PrintsFieldsAndUsableHardware()
    {
        var result = await Tool.RunAsync("iface", "show", "--name", "default", "--simulate", Samples.HealthySingle, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("name").GetString().Should().Be("default");
        json.GetProperty("transport").GetString().Should().Be("tcp");
        json.GetProperty("offload").GetBoolean().Should().BeFalse();
        json.GetProperty("hardware").GetProperty("usable").GetBoolean().Should().BeTrue();
        json.GetProperty("hardware").GetProperty("failure").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Show_MissingIface_ExitsSixWithReason()
    {
        var result = await Tool.RunAsync("iface", "show", "--name", "cxgb4i.00:07:43:aa:bb:cc", "--simulate", Samples.HealthySingle, "--time-scale", "0");

        result.ExitCode.Should().Be(6, result.ToString());
        var json = result.Json();
        json.GetProperty("iface").GetString().Should().Be("cxgb4i.00:07:43:aa:bb:cc");
        json.GetProperty("reason").GetString().Should().Be("iface_not_found");
        result.StderrLines.Last().Should().StartWith("iscsi-connector: error: Iface cxgb4i.00:07:43:aa:bb:cc does not exist");
    }

    [Fact]
    public async Task Check_UnboundIser_ExitsZeroUsable()
    {
        var result = await Tool.RunAsync("iface", "check", "--name", "iser", "--simulate", Samples.HealthySingle, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("transport").GetString().Should().Be("iser");
        json.GetProperty("usable").GetBoolean().Should().BeTrue();
        json.GetProperty("message").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Create_OffloadWithMac_CreatesNamedAfterTransportAndLowerCaseMac()
    {
        var result = await Tool.RunAsync("iface", "create", "--transport", "cxgb4i", "--hwaddress", "00:07:43:AA:BB:CC", "--ipaddress", "192.0.2.10", "--simulate", Samples.HealthySingle, "--time-scale", "0", "--verbose");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("name").GetString().Should().Be("cxgb4i.00:07:43:aa:bb:cc");
        json.GetProperty("transport").GetString().Should().Be("cxgb4i");
        json.GetProperty("hwaddress").GetString().Should().Be("00:07:43:aa:bb:cc", "the fields are read back from iscsiadm after the update");
        json.GetProperty("ipaddress").GetString().Should().Be("192.0.2.10");
        json.GetProperty("created").GetBoolean().Should().BeTrue();
        result.Stderr.Should().Contain("iscsiadm -m iface -I cxgb4i.00:07:43:aa:bb:cc -o new")
            .And.Contain("-o update -n iface.transport_name -v cxgb4i -n iface.hwaddress -v 00:07:43:aa:bb:cc");
    }

    [Fact]
    public async Task Create_ExistingBuiltInWithSameSettings_IsRefusedBeforeRunning()
    {
        // 'iser' is a name the library never creates or reuses from a definition: exit 2, no iscsiadm command.
        var result = await Tool.RunAsync("iface", "create", "--transport", "iser", "--name", "iser", "--simulate", Samples.HealthySingle, "--time-scale", "0", "--verbose");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().NotContain("Running");
        result.StderrLines.Last().Should().Contain("--name \"iser\" is one of open-iscsi's built-in ifaces");
    }

    [Fact]
    public async Task Create_IserNamed_PrintsCreatedIserIface()
    {
        var result = await Tool.RunAsync("iface", "create", "--transport", "iser", "--name", "iser-test", "--simulate", Samples.HealthySingle, "--time-scale", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json();
        json.GetProperty("name").GetString().Should().Be("iser-test");
        json.GetProperty("transport").GetString().Should().Be("iser");
        json.GetProperty("created").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Delete_MissingIface_ReportsNotDeletedAndExitsZero()
    {
        var result = await Tool.RunAsync("iface", "delete", "--name", "iser-test", "--simulate", Samples.HealthySingle, "--time-scale", "0", "--verbose");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json().GetProperty("deleted").GetBoolean().Should().BeFalse();
        result.Stderr.Should().NotContain("-o delete", "a missing iface is not deleted (iscsiadm would fail)");
    }

    [Fact]
    public async Task Delete_Default_ExitsTwoWithoutRunningAnything()
    {
        var result = await Tool.RunAsync("iface", "delete", "--name", "default", "--simulate", Samples.HealthySingle, "--time-scale", "0", "--verbose");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().NotContain("Running");
    }
}
