using IscsiConnector.Execution;
using IscsiConnector.Testing;
using IscsiConnector.Windows.Internal;

namespace IscsiConnector.Tests.Windows;

/// <summary>Values travel as data and secrets only through the child's environment; PowerShell's own failures and odd output are reported, redacted.</summary>
public sealed class ScriptDataTests
{
    private const string CanaryIqn = "iqn.2026-11.test.splice:canary-7f3a";
    private const string CanarySecret = "Canary$ecret-9";
    private const string CanaryInitiatorSecret = "InitCanary'`-8";

    [Fact]
    public async Task ConnectAsync_Values_NeverReachTheScriptTextOrTheCommandLine()
    {
        var executor = new FakeCommandExecutor();
        executor.Setup(WindowsScriptSettings.DefaultPowerShell).Returns(0, """{"Script":"connect","Ok":true,"Step":"disk"}""");
        var scripts = new WindowsScripts(executor, WindowsScriptSettings.Default);
        var path = new IscsiPath(new IscsiPortal("192.0.2.10", 3261), CanaryIqn, 4);

        await scripts.ConnectAsync(new WindowsConnectRequest(path, "192.0.2.77", null, Multipath: true, new ChapCredentials("canary-user", CanarySecret, "target", CanaryInitiatorSecret)), default);

        var command = executor.Invocations.Single().Command;
        command.StandardInput.Should().Be(WindowsScript.Connect.Text);
        command.ArgumentValues.Should().Equal("-NoProfile", "-NonInteractive", "-Command", "-");
        string[] values = [CanaryIqn, "192.0.2.10", "192.0.2.77", "canary-user", CanarySecret, CanaryInitiatorSecret];
        values.Should().OnlyContain(v => !command.StandardInput!.Contains(v, StringComparison.Ordinal) && !command.ToDisplayString().Contains(v, StringComparison.Ordinal));
        var block = command.Environment[ScriptEnvironment.Arguments];
        block.IsSecret.Should().BeFalse();
        block.Value.Should().Contain(CanaryIqn).And.Contain("\"TargetPortalPortNumber\":3261").And.Contain("\"Lun\":4").And.Contain("\"AuthenticationType\":\"MUTUALCHAP\"").And.Contain("\"IsMultipathEnabled\":true");
        block.Value.Should().NotContain(CanarySecret).And.NotContain(CanaryInitiatorSecret);
        command.Environment[ScriptEnvironment.ChapSecret].Should().Be(CommandArgument.Secret(CanarySecret));
        command.Environment[ScriptEnvironment.InitiatorChapSecret].Should().Be(CommandArgument.Secret(CanaryInitiatorSecret));
    }

    [Fact]
    public async Task ConnectAsync_PowerShellEchoesTheSecret_ErrorIsRedacted()
    {
        var executor = new FakeCommandExecutor();
        executor.Setup(WindowsScriptSettings.DefaultPowerShell).Returns(1, string.Empty, $"At line:1 char:1 ChapSecret {CanarySecret} was rejected");
        var scripts = new WindowsScripts(executor, WindowsScriptSettings.Default);

        var act = () => scripts.ConnectAsync(WindowsScriptsTests.Request(new IscsiPath(new IscsiPortal("192.0.2.10"), CanaryIqn, 1), new ChapCredentials("user", CanarySecret)), default);

        var error = (await act.Should().ThrowAsync<IscsiCommandException>()).Which;
        error.Message.Should().NotContain(CanarySecret).And.Contain(CommandArgument.Mask);
        error.StandardError.Should().NotContain(CanarySecret);
    }

    [Fact]
    public async Task ConnectAsync_ScriptReportsAMessageWithTheSecret_ExceptionIsRedacted()
    {
        var executor = new FakeCommandExecutor();
        executor.Setup(WindowsScriptSettings.DefaultPowerShell).Returns(0, $$$"""{"Script":"connect","Ok":false,"Step":"session","Error":{"Reason":"Failed","Code":4026466313,"ErrorId":"HRESULT 0xefff0009,Connect-IscsiTarget","Category":"NotSpecified","Message":"secret {{{CanarySecret}}} refused"}}""");
        var scripts = new WindowsScripts(executor, WindowsScriptSettings.Default);

        var attempt = await scripts.ConnectAsync(WindowsScriptsTests.Request(new IscsiPath(new IscsiPortal("192.0.2.10"), CanaryIqn, 1), new ChapCredentials("user", CanarySecret)), default);

        attempt.Failure!.IsAuthenticationFailure.Should().BeTrue();
        attempt.Failure.Kind.Should().Be(IscsiErrorKind.AuthenticationFailed);
        attempt.Failure.Message.Should().NotContain(CanarySecret).And.Contain("0xEFFF0009 (ISDSC_AUTHENTICATION_FAILURE)").And.Contain("HRESULT 0xefff0009,Connect-IscsiTarget");
    }

    [Fact]
    public async Task ReadHostAsync_WarningLinesBeforeTheReply_AreSkipped()
    {
        var executor = new FakeCommandExecutor();
        executor.Setup(WindowsScriptSettings.DefaultPowerShell).Returns(0, "WARNING: something localized\r\n{\"Script\":\"host\",\"Ok\":true,\"Step\":\"sessions\",\"InitiatorPorts\":[{\"NodeAddress\":\"iqn.1991-05.com.microsoft:h\",\"ConnectionType\":2}]}\r\n");

        var reply = await new WindowsScripts(executor, WindowsScriptSettings.Default).ReadHostAsync(default);

        reply.InitiatorPorts.Single().NodeAddress.Should().Be("iqn.1991-05.com.microsoft:h");
        executor.Invocations.Single().Command.Environment.Should().BeEmpty(because: "the host script takes no values");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"Script\":\"connect\",\"Ok\":true}")]
    public async Task ReadHostAsync_NoUsableReply_ThrowsNamingTheScript(string stdout)
    {
        var executor = new FakeCommandExecutor();
        executor.Setup(WindowsScriptSettings.DefaultPowerShell).Returns(0, stdout);

        var act = () => new WindowsScripts(executor, WindowsScriptSettings.Default).ReadHostAsync(default);

        (await act.Should().ThrowAsync<IscsiCommandException>()).Which.Message.Should().Contain("host.ps1");
    }
}
