using System.Globalization;
using System.Text.Json;
using IscsiConnector.Execution;
using IscsiConnector.Internal;

namespace IscsiConnector.Windows.Internal;

/// <summary>
/// Runs the three scripts through <see cref="ICommandExecutor"/>, one process each: values checked first, passed
/// as data, replies read as JSON. This is everything the Windows initiator does to the host.
/// </summary>
internal sealed class WindowsScripts(ICommandExecutor executor, WindowsScriptSettings settings)
{
    private static readonly Dictionary<string, string> NoSecrets = [];

    public WindowsScriptSettings Settings => settings;

    /// <summary>Reads initiator ports, MPIO, target portals and sessions with their disks.</summary>
    public async Task<HostReply> ReadHostAsync(CancellationToken cancellationToken)
    {
        var command = PowerShellCommand.Create(settings.PowerShell, WindowsScript.Host, argumentsJson: null, NoSecrets, settings.ScriptTimeout);
        var result = await executor.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        var reply = ScriptReplyReader.Read(result, command, WindowsScript.Host, WindowsJsonContext.Default.HostReply);
        return ScriptReplyReader.ThrowIfFailed(reply, command, WindowsScript.Host);
    }

    /// <summary>Runs one portal attempt; a failure is returned with the reply (what was created), not thrown.</summary>
    /// <exception cref="ConnectionInfoException">A value the Windows initiator cannot take (checked before PowerShell starts).</exception>
    public async Task<ConnectAttempt> ConnectAsync(WindowsConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        WindowsValueRules.CheckConnect(request.Path, request.InitiatorPortalAddress, request.InitiatorInstanceName, request.Chap);
        var chap = request.Chap;
        var arguments = new ConnectArguments
        {
            TargetPortalAddress = request.Path.Portal.Host,
            TargetPortalPortNumber = request.Path.Portal.Port,
            NodeAddress = request.Path.Iqn,
            Lun = request.Path.Lun,
            InitiatorPortalAddress = request.InitiatorPortalAddress,
            InitiatorInstanceName = request.InitiatorInstanceName,
            IsMultipathEnabled = request.Multipath,
            IsPersistent = settings.Persistent,
            AuthenticationType = chap is null ? ConnectArguments.NoAuthentication : chap.IsMutual ? ConnectArguments.MutualChap : ConnectArguments.OneWayChap,
            ChapUsername = chap?.Username,
            DiskTimeoutSeconds = Math.Round(settings.DiskTimeout.TotalSeconds, 3),
            PollMilliseconds = (int)Math.Max(1, settings.PollInterval.TotalMilliseconds),
        };
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (chap is not null)
        {
            secrets[ScriptEnvironment.ChapSecret] = chap.Password;
            if (chap.IsMutual)
            {
                secrets[ScriptEnvironment.InitiatorChapSecret] = chap.PasswordIn!;
            }
        }

        var command = PowerShellCommand.Create(settings.PowerShell, WindowsScript.Connect, JsonSerializer.Serialize(arguments, WindowsJsonContext.Default.ConnectArguments), secrets, settings.ScriptTimeout);
        var result = await executor.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        var reply = ScriptReplyReader.Read(result, command, WindowsScript.Connect, WindowsJsonContext.Default.ConnectReply);
        return new ConnectAttempt(reply, ScriptReplyReader.ToException(reply, command, WindowsScript.Connect));
    }

    /// <summary>Ends the given sessions and removes the given portals once no session uses them.</summary>
    /// <exception cref="ArgumentException">A session identifier or portal the scripts would not take.</exception>
    public async Task<DisconnectReply> DisconnectAsync(DisconnectArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var id in arguments.SessionIdentifiers)
        {
            if (ValueRules.ArgumentProblem(id) is { } problem)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Session identifier '{ValueRules.Show(id)}' {problem}."), nameof(arguments));
            }
        }

        foreach (var portal in arguments.Portals)
        {
            if (HostRules.Problem(portal.TargetPortalAddress) is { } problem)
            {
                throw new ArgumentException($"Portal to remove {problem}.", nameof(arguments));
            }
        }

        var command = PowerShellCommand.Create(settings.PowerShell, WindowsScript.Disconnect, JsonSerializer.Serialize(arguments, WindowsJsonContext.Default.DisconnectArguments), NoSecrets, settings.ScriptTimeout);
        var result = await executor.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        var reply = ScriptReplyReader.Read(result, command, WindowsScript.Disconnect, WindowsJsonContext.Default.DisconnectReply);
        return ScriptReplyReader.ThrowIfFailed(reply, command, WindowsScript.Disconnect);
    }
}
