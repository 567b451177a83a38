using IscsiConnector.Execution;
using IscsiConnector.Tests.Connector.Support;
using static IscsiConnector.Tests.Connector.Support.ConnectorFixture;

namespace IscsiConnector.Tests.Reliability;

/// <summary>
/// Issue 12, item 5: when <c>iscsiadm --login</c> is killed at its timeout, iscsid may still complete the login. The
/// attach must look for that late session, log it out and delete the record, instead of treating the portal as never
/// logged in.
/// </summary>
public sealed class LateSessionTests
{
    [Fact]
    public async Task ConnectVolumeAsync_LoginTimedOutButIscsidFinishedIt_LogsOutTheLateSessionAndFailsOver()
    {
        using var f = new ConnectorFixture(executor: e => new LateLoginExecutor(e, "127.0.0.1:3260"));
        f.Host.AddTarget(Iqn).AddPortal("127.0.0.1:3260").AddPortal("127.0.0.2:3260");
        var info = new ConnectionInfo { Primary = PathOf("127.0.0.1"), Alternatives = [PathOf("127.0.0.2")] };

        var attachment = await f.Connector.ConnectVolumeAsync(info);

        attachment.Devices.Should().ContainSingle().Which.Path.Portal.Address.Should().Be("127.0.0.2:3260");
        f.Host.Sessions.Should().NotContain(s => s.Portal == "127.0.0.1:3260", "the late session would otherwise stay, unaccounted for");
        f.Host.NodeRecords.Should().NotContain(r => r.Portal == "127.0.0.1:3260");
        await f.Connector.DisconnectVolumeAsync(info, attachment);
        f.Host.Leaks().Should().BeEmpty();
    }

    /// <summary>Lets the login through (the session appears) but reports it as killed at its timeout, as
    /// <see cref="ProcessCommandExecutor"/> does when iscsiadm outlives <c>CommandTimeout</c> and iscsid finishes anyway.</summary>
    private sealed class LateLoginExecutor(ICommandExecutor inner, string portal) : ICommandExecutor
    {
        public async Task<CommandResult> ExecuteAsync(CommandSpec command, CancellationToken cancellationToken = default)
        {
            var result = await inner.ExecuteAsync(command, cancellationToken);
            if (command.ArgumentValues.Contains("--login") && command.ArgumentValues.Contains(portal))
            {
                throw new IscsiCommandException("iscsiadm", command.ToDisplayString(), null, string.Empty, $"'{command.ToDisplayString()}' did not finish within 00:02:00; its process tree was killed.", timedOut: true);
            }

            return result;
        }
    }
}
