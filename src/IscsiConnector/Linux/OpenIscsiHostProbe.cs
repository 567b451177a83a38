using System.Globalization;
using IscsiConnector.Execution;
using IscsiConnector.Host;
using IscsiConnector.Readiness;
using IscsiConnector.Readiness.Internal;
using IscsiConnector.Linux.Internal;

namespace IscsiConnector.Linux;

/// <summary>
/// The Linux half of the host check. Without a root helper it starts no process: iscsiadm is looked up on <c>PATH</c>
/// and everything else is read: <c>/proc/self/status</c> (who we are), <c>/proc/net/unix</c> (iscsid's and
/// multipathd's sockets), <c>/etc/iscsi/initiatorname.iscsi</c> and <c>/sys/class/iscsi_transport</c>. With a helper,
/// <c>&lt;helper&gt; iscsiadm --version</c> (does the helper let us run it?), and <c>&lt;helper&gt; cat</c> of the
/// initiator name when this process may not read it (mode 0600 on some distributions).
/// </summary>
/// <remarks>
/// iscsid is not asked through iscsiadm: on the test bed <c>iscsiadm -m session</c> exits 21 ("No active sessions")
/// whether iscsid runs or not (it reads sysfs), and commands that do need iscsid spend ~10 s trying to start it
/// before exiting 20. Its listening socket answers at once.
/// </remarks>
internal sealed partial class OpenIscsiHostProbe(ICommandExecutor executor, IHostFileSystem fileSystem, PrivilegedFiles files) : IHostReadinessProbe
{
    private const string InitiatorNameFile = "/etc/iscsi/initiatorname.iscsi";
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<HostCheckItem>> ProbeAsync(HostCheckSettings settings, CancellationToken cancellationToken)
    {
        var uid = EffectiveUid();
        var (iscsiadm, privileges) = await ProbeIscsiAdmAsync(settings, uid, cancellationToken).ConfigureAwait(false);
        var sockets = ListeningSockets.Listening(fileSystem);
        return
        [
            iscsiadm,
            privileges,
            Daemon(HostRequirement.Iscsid, sockets, ListeningSockets.Iscsid, "iscsid", "every login would fail (iscsiadm exit 20, after ~10 s of trying to start it)", HostCheckFixes.StartIscsid),
            await InitiatorNameAsync(privileges, uid, cancellationToken).ConfigureAwait(false),
            Transport(settings),
            settings.Multipath
                ? Daemon(HostRequirement.Multipathd, sockets, ListeningSockets.Multipathd, "multipathd", "no dm-multipath device would appear", HostCheckFixes.StartMultipathd)
                : HostCheckItem.Skipped(HostRequirement.Multipathd, "not needed: multipath is not requested"),
        ];
    }

    private async Task<(HostCheckItem IscsiAdm, HostCheckItem Privileges)> ProbeIscsiAdmAsync(HostCheckSettings settings, int? uid, CancellationToken cancellationToken)
    {
        if (!settings.HasRootHelper)
        {
            // Without a helper there is nothing a process would prove that the file system cannot tell: the program is
            // found where starting it would look. A process start is the check's whole cost otherwise (~1 s in the
            // emulated test bed, every health probe).
            return (LocateIscsiAdm(settings.SearchPath), Privileged(settings, uid));
        }

        var helper = string.Join(' ', settings.RootHelper);
        var command = new CommandSpec("iscsiadm", "--version") { Timeout = VersionTimeout };
        CommandResult result;
        try
        {
            result = await executor.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (IscsiCommandException e) when (e.TimedOut)
        {
            return (HostCheckItem.Problem(HostRequirement.IscsiAdm, $"'iscsiadm --version' did not finish within {VersionTimeout.TotalSeconds:0} s", HostCheckFixes.IscsiAdmHung), Privileged(settings, uid));
        }
        catch (IscsiCommandException e) when (e.ExitCode is null)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            return settings.HasRootHelper
                ? (HostCheckItem.Skipped(HostRequirement.IscsiAdm, "not checked: the root helper could not be started"),
                   HostCheckItem.Problem(HostRequirement.Privileges, $"the root helper '{helper}' could not be started ({reason})", "install it or correct RootHelper; " + HostCheckFixes.AllowHelper))
                : (HostCheckItem.Problem(HostRequirement.IscsiAdm, $"iscsiadm could not be started ({reason}): it is not installed or not on PATH", HostCheckFixes.InstallOpenIscsi), Privileged(settings, uid));
        }

        var error = OneLine(result.StandardError);
        if (result.IsSuccess)
        {
            var version = OneLine(result.StandardOutput) is { Length: > 0 } text ? text : "iscsiadm runs";
            return (HostCheckItem.Ok(HostRequirement.IscsiAdm, version), settings.HasRootHelper
                ? HostCheckItem.Ok(HostRequirement.Privileges, $"the root helper '{helper}' runs iscsiadm")
                : Privileged(settings, uid));
        }

        // 127: a shell's (and the simulated host's) "command not found"; sudo says so in words; 96: rootwrap's "executable not found".
        if (result.ExitCode == 127 || result.ExitCode == 96 || error.Contains("command not found", StringComparison.Ordinal))
        {
            return (HostCheckItem.Problem(HostRequirement.IscsiAdm, $"iscsiadm was not found (exit {result.ExitCode}: {error})", HostCheckFixes.InstallOpenIscsi),
                settings.HasRootHelper ? HostCheckItem.Ok(HostRequirement.Privileges, $"the root helper '{helper}' runs") : Privileged(settings, uid));
        }

        if (settings.HasRootHelper)
        {
            return (HostCheckItem.Skipped(HostRequirement.IscsiAdm, "not checked: the root helper refused to run it"),
                HostCheckItem.Problem(HostRequirement.Privileges, $"the root helper '{helper}' did not run 'iscsiadm --version' (exit {result.ExitCode}: {error})", HostCheckFixes.AllowHelper));
        }

        return (HostCheckItem.Problem(HostRequirement.IscsiAdm, $"'iscsiadm --version' failed (exit {result.ExitCode}: {error})", HostCheckFixes.InstallOpenIscsi), Privileged(settings, uid));
    }

    private static HostCheckItem Privileged(HostCheckSettings settings, int? uid) => uid switch
    {
        _ when settings.HasRootHelper => HostCheckItem.Skipped(HostRequirement.Privileges, "not checked: iscsiadm could not be run through the root helper"),
        0 => HostCheckItem.Ok(HostRequirement.Privileges, "running as root"),
        null => HostCheckItem.Skipped(HostRequirement.Privileges, "could not tell which user this process runs as (no /proc/self/status)"),
        _ => HostCheckItem.Problem(
            HostRequirement.Privileges,
            string.Create(CultureInfo.InvariantCulture, $"running as uid {uid} without a root helper: iscsiadm cannot change node records (exit 6, \"Maybe you are not root?\") and sysfs cannot be written"),
            HostCheckFixes.RunAsRoot),
    };

    private static HostCheckItem Daemon(HostRequirement requirement, IReadOnlyList<string>? sockets, string socket, string name, string consequence, string fix) => sockets switch
    {
        null => HostCheckItem.Skipped(requirement, $"could not read {ListeningSockets.Table} to look for {name}'s socket"),
        _ when sockets.Contains(socket, StringComparer.Ordinal) => HostCheckItem.Ok(requirement, $"{name} is listening on {socket}"),
        _ => HostCheckItem.Problem(requirement, $"{name} is not running: nothing listens on {socket} ({ListeningSockets.Table}), so {consequence}", fix),
    };

    private static string OneLine(string text) => text.Trim().ReplaceLineEndings(" | ");
}
