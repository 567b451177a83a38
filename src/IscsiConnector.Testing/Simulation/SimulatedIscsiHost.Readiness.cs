using System.ComponentModel;
using IscsiConnector.Execution;
using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing.Simulation;

/// <content>What the connector's host check looks at — iscsid, iscsiadm, the initiator name (transports: <see cref="UnloadTransport"/>) — and the
/// commands a root helper turns sysfs and file access into (<c>tee</c>, <c>cat</c>).</content>
public sealed partial class SimulatedIscsiHost
{
    /// <summary>Gets or sets a value indicating whether iscsid runs. When it does not, its socket is missing from
    /// <c>/proc/net/unix</c> and logins and discoveries exit 20 ("could not connect to iscsid"), as captured.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IscsidRunning
    {
        get => Locked(() => _state.Readiness.IscsidRunning);
        set => Locked(() => _state.Readiness.IscsidRunning = value);
    }

    /// <summary>Gets or sets a value indicating whether iscsiadm is installed. When it is not, running it fails the way
    /// <see cref="ProcessCommandExecutor"/> fails for a missing program: <see cref="IscsiCommandException"/> without an exit code.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IscsiAdmInstalled
    {
        get => Locked(() => _state.Readiness.IscsiAdmInstalled);
        set => Locked(() => _state.Readiness.IscsiAdmInstalled = value);
    }

    /// <summary>Gets or sets a value indicating whether <c>/etc/iscsi/initiatorname.iscsi</c> exists (with <see cref="InitiatorName"/>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool HasInitiatorNameFile
    {
        get => Locked(() => _state.Readiness.HasInitiatorNameFile);
        set => Locked(() => _state.Readiness.HasInitiatorNameFile = value);
    }

    /// <summary>The commands answered here rather than by the iscsiadm and tool emulators, or <see langword="null"/>.</summary>
    private ToolResult? RunReadinessCommand(string program, string[] args, CommandSpec command)
    {
        lock (_state.Gate)
        {
            switch (program)
            {
                case "iscsiadm" when !_state.Readiness.IscsiAdmInstalled:
                    throw new IscsiCommandException(
                        command.FileName,
                        command.ToDisplayString(),
                        exitCode: null,
                        standardError: null,
                        $"Could not start '{command.FileName}' to run '{command.ToDisplayString()}': No such file or directory (simulated host: iscsiadm is not installed).",
                        innerException: new Win32Exception(2, "No such file or directory"));
                case "iscsiadm" when args is ["--version"]:
                    return ToolResult.Ok("iscsiadm version 2.1.8\n");
                case "iscsiadm" when !_state.Readiness.IscsidRunning && (args.Contains("--login") || args.Contains("--discover") || args.Contains("discovery")):
                    // Captured with iscsid stopped: ~10 s of trying to start it, then exit 20.
                    return ToolResult.Fail(20, "iscsiadm: can not connect to iSCSI daemon (111)!\niscsiadm: initiator reported error (20 - could not connect to iscsid)");
                case "tee" when args.Length == 1:
                    return Tee(args[0], command.StandardInput ?? string.Empty);
                case "cat" when args.Length == 1:
                    return SysfsProjection.Build(_state).Read(args[0]) is { } text
                        ? ToolResult.Ok(text)
                        : ToolResult.Fail(1, $"cat: {args[0]}: No such file or directory");
                default:
                    return null;
            }
        }
    }

    private ToolResult Tee(string path, string input)
    {
        try
        {
            SysfsProjection.Build(_state).Write(path, input);
            return ToolResult.Ok(input);
        }
        catch (IOException e)
        {
            return new ToolResult(1, input, $"tee: {e.Message}\n");
        }
    }
}
