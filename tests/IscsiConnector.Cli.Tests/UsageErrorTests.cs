using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

/// <summary>
/// Exit code 2 for bad options, scenarios and device_info, nothing on stdout. Parse errors keep System.CommandLine's own
/// rendering (one line per error, "did you mean"); errors found after parsing are one line naming the option or key.
/// </summary>
public sealed class UsageErrorTests
{
    public static TheoryData<string[], string> BadUsage => new()
    {
        { [], "Required command was not provided" },
        { ["connect"], "--connection-info" },
        { ["frobnicate"], "frobnicate" },
        { ["connect", "--connection-info", Samples.Single, "--no-such-option"], "--no-such-option" },
        { ["connect", "--connection-info", Samples.Single, "--login-timeout", "abc"], "--login-timeout" },
        { ["connect", "--connection-info", Samples.Single, "--login-timeout", "0"], "--login-timeout: 0 is out of range" },
        { ["connect", "--connection-info", Samples.Single, "--transport", "-x"], "--transport" },
        { ["connect", "--connection-info", Samples.Single, "--transport", "two words"], "--transport" },
        { ["connect", "--connection-info", Samples.Single, "--root-helper", " "], "--root-helper: is empty" },
        { ["connect", "--connection-info", Samples.Single, "--time-scale", "0"], "--time-scale: only meaningful with --simulate" },
        { ["connect", "--connection-info", Samples.Single, "--simulate", Samples.HealthySingle, "--time-scale", "-1"], "--time-scale" },
        { ["connect", "--connection-info", Samples.Single, "--simulate", "no/such/scenario.json"], "--simulate: scenario file" },
        { ["connect", "--connection-info", "no/such/info.json"], "--connection-info: file 'no/such/info.json' does not exist" },
        { ["connect", "--connection-info", "/dev/zero"], "--connection-info: '/dev/zero' is larger than 1048576 bytes" },
        { ["disconnect", "--connection-info", Samples.Single, "--device-info", "/dev/zero"], "--device-info: '/dev/zero' is larger than" },
        { ["disconnect", "--connection-info", Samples.Single, "--device-info", "no/such/device.json"], "--device-info: file" },
        { ["connect", "--connection-info", Samples.Single, "--transport-fallback", "never"], "--transport-fallback: 'never' is not one of tcp, fail" },
        { ["iface"], "Required command was not provided" },
        { ["iface", "show"], "--name" },
        { ["iface", "show", "--name", "-o"], "--name" },
        { ["iface", "check", "--name", "two words"], "--name: 'two words' is not an iface name" },
        { ["iface", "show", "--name", "default", "--transport", "tcp"], "--transport" },
        { ["iface", "create"], "--transport" },
        { ["iface", "create", "--transport", "tcpx", "--name", "x"], "--transport \"tcpx\" is not a transport" },
        { ["iface", "create", "--transport", "cxgb4i"], "--hwaddress is required for the offload transport cxgb4i" },
        { ["iface", "create", "--transport", "cxgb4i", "--hwaddress", "00:07:43:aa:bb"], "--hwaddress \"00:07:43:aa:bb\" is not a MAC address" },
        { ["iface", "create", "--transport", "tcp", "--name", "t", "--ipaddress", "10.0.0.300"], "--ipaddress \"10.0.0.300\" is not an IPv4 or IPv6 address" },
        { ["iface", "create", "--transport", "tcp", "--name", "default"], "--name \"default\" is one of open-iscsi's built-in ifaces" },
        { ["iface", "create", "--transport", "iser", "--name", "-rf"], "--name" },
        { ["iface", "delete", "--name", "default"], "--name: 'default' is one of open-iscsi's built-in ifaces and is never deleted" },
        { ["iface", "delete", "--name", "iser"], "--name: 'iser' is one of open-iscsi's built-in ifaces" },
    };

    [Theory]
    [MemberData(nameof(BadUsage))]
    public async Task Run_BadUsage_ExitsTwoWithOneLine(string[] args, string expected)
    {
        var result = await Tool.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Should().Contain(l => l.Contains(expected, StringComparison.Ordinal), result.ToString());
        result.Stderr.Should().NotContain("System.", "no CLR type names");
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData(new[] { "conect" }, "conect", "connect")]
    [InlineData(new[] { "disconect", "--connection-info", "x" }, "disconect", "disconnect")]
    [InlineData(new[] { "connect", "--conection-info", "x" }, "--conection-info", "--connection-info")]
    [InlineData(new[] { "iface", "lst" }, "lst", "list")]
    public async Task Run_Typo_KeepsSystemCommandLinesDidYouMean(string[] args, string typo, string suggestion)
    {
        var result = await Tool.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Should().Contain($"'{typo}' was not matched. Did you mean one of the following?")
            .And.Contain(suggestion)
            .And.Contain($"Unrecognized command or argument '{typo}'.", "each error on its own line");
        result.StderrLines.Should().NotContain(l => l.StartsWith("Usage:", StringComparison.Ordinal), "no help dump after an error");
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("--login-timeout", "abc", "--login-timeout: 'abc' is not a whole number of seconds.")]
    [InlineData("--login-timeout", "2.5", "--login-timeout: '2.5' is not a whole number of seconds.")]
    [InlineData("--time-scale", "fast", "--time-scale: 'fast' is not a number.")]
    public async Task Run_NumberOptionNotANumber_SaysWhatToTypeWithoutClrTypeNames(string option, string value, string expected)
    {
        var result = await Tool.RunAsync("connect", "--connection-info", Samples.Single, "--simulate", Samples.HealthySingle, option, value);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Should().Contain(expected);
        result.Stderr.Should().NotContain("System.").And.NotContain("Int32").And.NotContain("Double");
    }

    [Fact]
    public async Task Connect_InvalidScenario_ExitsTwoNamingTheScenarioKey()
    {
        var scenario = Samples.WriteTemp("scenario.json", """{"targets":[],"portals":[{"address":"127.0.0.1:3260","state":"sleepy"}]}""");

        var result = await Tool.RunAsync("connect", "--connection-info", Samples.Single, "--simulate", scenario);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("iscsi-connector: error: ").And.Contain("--simulate").And.Contain("portals[0].state");
    }

    [Theory]
    [InlineData("""{"path":"/dev/sda"}""", "'scsi_wwn'")]
    [InlineData("""{"path":"sda","scsi_wwn":"3600"}""", "'path'")]
    [InlineData("""{"path":"/dev/sda","scsi_wwn":"3600","devices":[{"name":"../x","portal":"127.0.0.1:3260","iqn":"iqn.2010-10.org.openstack:v","lun":1}]}""", "'devices[0].name'")]
    [InlineData("""{"path":"/dev/sda","scsi_wwn":"3600","devices":[{"name":"sda","portal":"127.0.0.1:3260","iqn":"iqn.2010-10.org.openstack:v","lun":-1}]}""", "'devices[0].lun'")]
    [InlineData("""not json""", "not valid JSON")]
    public async Task Disconnect_MalformedDeviceInfo_ExitsTwoNamingTheKey(string document, string expected)
    {
        var file = Samples.WriteTemp("device-info.json", document);

        var result = await Tool.RunAsync("disconnect", "--simulate", Samples.HealthySingle, "--connection-info", Samples.Single, "--device-info", file, "--verbose");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("iscsi-connector: error: --device-info").And.Contain(expected).And.NotContain("System.");
    }

    [Fact]
    public async Task Run_Help_ListsEveryCommandAndExitsZero()
    {
        var result = await Tool.RunAsync("--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().ContainAll("connect", "disconnect", "paths", "extend", "properties", "plan", "iface");
    }
}
