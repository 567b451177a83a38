using IscsiConnector.Cli.Tests.Support;

namespace IscsiConnector.Cli.Tests;

/// <summary>Exit code 2 for a malformed connection_info: one stderr line naming the key, nothing on stdout, and nothing run.</summary>
public sealed class MalformedConnectionInfoTests
{
    private const string Iqn = "iqn.2010-10.org.openstack:volume-00000001";

    public static TheoryData<string, string> MalformedConnectionInfo => new()
    {
        { $$"""{"target_iqn":"{{Iqn}}","target_lun":1}""", "'target_portal'" },
        { """{"target_portal":"127.0.0.1:3260","target_lun":1}""", "'target_iqn'" },
        { $$"""{"target_portal":"127.0.0.1:3260","target_iqn":"{{Iqn}}","target_lun":"abc"}""", "'target_lun'" },
        { $$"""{"target_portal":"127.0.0.1:3260","target_iqn":"{{Iqn}}","target_lun":99999}""", "'target_lun'" },
        { $$"""{"target_portal":"127.0.0.1:70000","target_iqn":"{{Iqn}}","target_lun":1}""", "'target_portal'" },
        { $$"""{"target_portal":"-oops","target_iqn":"{{Iqn}}","target_lun":1}""", "'target_portal'" },
        { """{"target_portal":"127.0.0.1:3260","target_iqn":"iqn with space","target_lun":1}""", "'target_iqn'" },
        { $$"""{"target_portal":"127.0.0.1:3260","target_iqn":"{{Iqn}}","target_lun":1,"target_alternative_portals":["127.0.0.2:3260"],"target_alternative_iqns":["{{Iqn}}","{{Iqn}}"]}""", "'target_alternative_iqns'" },
        { $$"""{"target_portal":"127.0.0.1:3260","target_iqn":"{{Iqn}}","target_lun":1,"auth_method":"CHAP","auth_username":"u"}""", "'auth_password'" },
        { $$"""{"target_portal":"127.0.0.1:3260","target_iqn":"{{Iqn}}","target_lun":1,"target_portals":"127.0.0.1:3260"}""", "'target_portals'" },
        { """{"driver_volume_type":"rbd","data":{}}""", "'driver_volume_type'" },
        { """{"target_portal": """, "not valid JSON" },
        { "[1,2]", "must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(MalformedConnectionInfo))]
    public async Task Connect_MalformedConnectionInfo_ExitsTwoNamingTheKeyBeforeAnythingRuns(string document, string expected)
    {
        var file = Samples.WriteTemp("connection-info.json", document);

        // --verbose would show the simulated host's description and every command run: neither may appear.
        var result = await Tool.RunAsync("connect", "--simulate", Samples.HealthySingle, "--connection-info", file, "--verbose", "--time-scale", "0");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("iscsi-connector: error: connection_info").And.Contain(expected);
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("disconnect")]
    [InlineData("paths")]
    [InlineData("extend")]
    [InlineData("plan")]
    public async Task Command_MalformedConnectionInfo_ExitsTwo(string command)
    {
        var file = Samples.WriteTemp("connection-info.json", """{"target_portal":"127.0.0.1:3260","target_lun":1}""");

        var result = await Tool.RunAsync(command, "--simulate", Samples.HealthySingle, "--connection-info", file, "--verbose");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("'target_iqn'");
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Connect_MalformedWithChapSecret_NeverEchoesTheSecret()
    {
        var file = Samples.WriteTemp("connection-info.json", $$"""{"target_portal":"127.0.0.1:3260","target_iqn":"{{Iqn}}","target_lun":"x","auth_method":"CHAP","auth_username":"u","auth_password":"s3cret-XYZ"}""");

        var result = await Tool.RunAsync("connect", "--connection-info", file, "--verbose");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("'target_lun'").And.NotContain("s3cret-XYZ");
    }

    [Fact]
    public async Task Connect_InvalidUtf8InSecret_ExitsTwoNamingTheKeyWithoutTheSecret()
    {
        var file = Samples.WriteTemp("connection-info.json", string.Empty);
        byte[] document = [.. System.Text.Encoding.UTF8.GetBytes($$"""{"target_portal":"127.0.0.1:3260","target_iqn":"{{Iqn}}","target_lun":1,"auth_method":"CHAP","auth_username":"u","auth_password":"s3cret-XYZ"""), 0xFF, .. "\"}"u8];
        await File.WriteAllBytesAsync(file, document);

        var result = await Tool.RunAsync("connect", "--simulate", Samples.HealthySingle, "--connection-info", file, "--verbose", "--time-scale", "0");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("'auth_password'").And.Contain("not valid UTF-8").And.NotContain("s3cret-XYZ");
    }
}
