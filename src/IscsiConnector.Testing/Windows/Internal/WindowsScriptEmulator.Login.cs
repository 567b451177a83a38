using IscsiConnector.Testing.Internal;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Windows.Internal;

namespace IscsiConnector.Testing.Windows.Internal;

/// <content>Connect-IscsiTarget: reachability, CHAP, the new session and the disks its LUNs become.</content>
internal sealed partial class WindowsScriptEmulator
{
    /// <summary>Connect-IscsiTarget: reachability, CHAP (one-way and mutual), then the session and its disks.</summary>
    private async Task<ScriptError?> LoginAsync(ConnectArguments a, IReadOnlyDictionary<string, string> environment, WindowsPortal? portal, CancellationToken cancellationToken)
    {
        const string Cmdlet = "Connect-IscsiTarget";
        CmdletFailure? failure;
        lock (state.Gate)
        {
            if (a.AuthenticationType == ConnectArguments.MutualChap)
            {
                state.InitiatorChapSecret = environment.GetValueOrDefault(ScriptEnvironment.InitiatorChapSecret);
            }

            failure = state.TakeFailure(Cmdlet);
        }

        if (failure is not null)
        {
            return WindowsProjection.Error(Cmdlet, failure.Code, failure.Message);
        }

        if (await UnreachableAsync(portal, cancellationToken).ConfigureAwait(false) is { } unreachable)
        {
            return WindowsProjection.Error(Cmdlet, IscsiDiscoveryStatus.ConnectionFailed, unreachable);
        }

        lock (state.Gate)
        {
            var target = state.FindTarget(a.NodeAddress)!;
            if (!ChapAccepted(target.Chap, a, environment.GetValueOrDefault(ScriptEnvironment.ChapSecret)))
            {
                return WindowsProjection.Error(Cmdlet, IscsiDiscoveryStatus.AuthenticationFailure, "Authentication Failure.");
            }

            var number = state.NextSession++;
            var session = new WindowsSessionRecord(
                number,
                state.NewSessionIdentifier(number),
                target.Iqn,
                a.TargetPortalAddress,
                a.TargetPortalPortNumber,
                a.InitiatorPortalAddress,
                a.InitiatorInstanceName,
                a.AuthenticationType,
                a.IsPersistent,
                a.IsMultipathEnabled,
                time.GetTimestamp() + (long)(state.ScanDelay.TotalSeconds * time.TimestampFrequency));
            state.Sessions.Add(session);
            AttachDisks(target, session);
            return null;
        }
    }

    private bool ChapAccepted(WindowsChap? chap, ConnectArguments a, string? secret)
    {
        if (chap is null)
        {
            return true;
        }

        if (a.AuthenticationType == ConnectArguments.NoAuthentication
            || !string.Equals(a.ChapUsername, chap.Username, StringComparison.Ordinal)
            || !string.Equals(secret, chap.Secret, StringComparison.Ordinal))
        {
            return false;
        }

        // A target with an account for mutual CHAP answers with its secret: the initiator checks it against its own.
        return chap.SecretIn is null
            || (a.AuthenticationType == ConnectArguments.MutualChap && string.Equals(state.InitiatorChapSecret, chap.SecretIn, StringComparison.Ordinal));
    }

    /// <summary>Each LUN becomes a disk: with MPIO claiming iSCSI and a multipath session, all paths of a LUN share one disk.</summary>
    private void AttachDisks(WindowsTarget target, WindowsSessionRecord session)
    {
        var mpio = session.Multipath && state.MpioInstalled && state.MpioClaimsIscsi;
        foreach (var lun in target.Luns)
        {
            var wwid = DiskWwid(target, lun);
            var disk = mpio ? state.Disks.Find(d => d.Mpio && d.Wwid == wwid) : null;
            if (disk is null)
            {
                disk = new WindowsDiskRecord(state.NextDisk++, target.Iqn, lun, wwid) { Mpio = mpio };
                state.Disks.Add(disk);
            }

            disk.Sessions.Add(session.Number);
        }
    }
}
