using IscsiConnector.Execution;
using IscsiConnector.Internal;

namespace IscsiConnector.Tests.Execution;

/// <summary>Issue 12, item 7: every secret of the operation is masked in every command failure, not only the command's own.</summary>
public sealed class SecretScopeTests
{
    private const string LoginSecret = "Zq9-session-secret";
    private const string DiscoverySecret = "Zq9-discovery-in";

    private static readonly CommandSpec Login = new("iscsiadm", "-m", "node", "-T", "iqn.2010-10.org.x:v", "-p", "10.0.0.1:3260", "--login");

    private static CommandResult Echoing(params string[] secrets) =>
        new(24, string.Empty, $"iscsiadm: record says password {string.Join(" and ", secrets)}\n", TimeSpan.Zero);

    private static ConnectionInfo Info() => new()
    {
        Primary = new IscsiPath(new IscsiPortal("10.0.0.1"), "iqn.2010-10.org.x:v", 1),
        Chap = new ChapCredentials("user", LoginSecret),
        DiscoveryChap = new ChapCredentials("disc", "Zq9-discovery", "disc-target", DiscoverySecret),
    };

    [Fact]
    public void ToException_InsideTheOperationsScope_MasksSecretsTheCommandDidNotCarry()
    {
        IscsiCommandException error;
        using (SecretScope.For(Info()))
        {
            error = Echoing(LoginSecret, DiscoverySecret).ToException(Login);
        }

        error.Message.Should().NotContain(LoginSecret).And.NotContain(DiscoverySecret).And.Contain("password *** and ***");
        error.StandardError.Should().NotContain(LoginSecret).And.NotContain(DiscoverySecret);
        error.ToString().Should().NotContain(LoginSecret);
    }

    [Fact]
    public async Task ToException_InATaskStartedInsideTheScope_IsMaskedToo()
    {
        IscsiCommandException error;
        using (SecretScope.For(Info()))
        {
            error = await Task.Run(() => Echoing(LoginSecret).ToException(Login));
        }

        error.Message.Should().NotContain(LoginSecret);
    }

    [Fact]
    public void ToException_AfterTheScopeEnded_MasksOnlyTheCommandsOwnSecrets()
    {
        using (SecretScope.For(Info()))
        {
        }

        Echoing(LoginSecret).ToException(Login).Message.Should().Contain(LoginSecret, "outside any operation nothing is known to be secret");
        SecretScope.Current.Should().BeEmpty();
    }

    [Fact]
    public void Push_NestedScopes_RestoreTheOuterOne()
    {
        using (SecretScope.Push(["outer-secret"]))
        {
            using (SecretScope.Push(["inner-longer-secret"]))
            {
                SecretScope.Current.Should().Equal("inner-longer-secret", "outer-secret");
            }

            SecretScope.Current.Should().Equal("outer-secret");
        }
    }
}
