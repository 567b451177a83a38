using IscsiConnector.Testing.Internal;
using IscsiConnector.Testing.Simulation;
using IscsiConnector.Windows.Internal;

namespace IscsiConnector.Testing.Windows.Internal;

/// <content>The <c>connect</c> script: target portal, target, session, disk — with the costs of dead portals and slow scans.</content>
internal sealed partial class WindowsScriptEmulator
{
    private async Task<ConnectReply> ConnectAsync(ConnectArguments a, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var reply = new ConnectReply { Script = WindowsScript.Connect.Name, Step = "portal" };

        // Step 'portal': an existing discovery record is reused; a new one sends SendTargets at once, so a dead portal fails here.
        bool exists;
        WindowsPortal? portal;
        CmdletFailure? failure;
        lock (state.Gate)
        {
            exists = state.TargetPortals.Exists(p => SameAddress(p.Address, p.Port, a.TargetPortalAddress, a.TargetPortalPortNumber));
            portal = state.FindPortal(a.TargetPortalAddress, a.TargetPortalPortNumber);
            failure = exists ? null : state.TakeFailure("New-IscsiTargetPortal");
        }

        if (!exists)
        {
            if (failure is not null)
            {
                return reply with { Error = WindowsProjection.Error(failure.Cmdlet, failure.Code, failure.Message) };
            }

            if (await UnreachableAsync(portal, cancellationToken).ConfigureAwait(false) is { } unreachable)
            {
                return reply with { Error = WindowsProjection.Error("New-IscsiTargetPortal", IscsiDiscoveryStatus.ConnectionFailed, unreachable) };
            }

            lock (state.Gate)
            {
                state.TargetPortals.Add(new WindowsTargetPortalRecord(a.TargetPortalAddress, a.TargetPortalPortNumber, a.InitiatorPortalAddress, a.InitiatorInstanceName));
            }

            reply = reply with { PortalCreated = true };
        }

        // Step 'target': the targets discovered through the portal.
        reply = reply with { Step = "target" };
        lock (state.Gate)
        {
            if (portal is null || !portal.Offers(a.NodeAddress) || state.FindTarget(a.NodeAddress) is null)
            {
                return reply with { Error = new ScriptError { Reason = ScriptError.TargetNotOffered, ErrorId = ScriptError.TargetNotOffered, Category = "ObjectNotFound", Message = "The portal does not offer the target." } };
            }
        }

        // Step 'session': reuse a connected session through the same portal (and initiator portal), else log in.
        reply = reply with { Step = "session" };
        var session = FindSession(a);
        if (session is null)
        {
            if (await LoginAsync(a, environment, portal, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return reply with { Error = refused };
            }

            reply = reply with { SessionCreated = true };
            session = FindSession(a)!;
        }

        reply = reply with { Step = "disk" };
        lock (state.Gate)
        {
            reply = reply with { Session = WindowsProjection.Session(state, session), Connections = [WindowsProjection.Connection(session)] };
        }

        return await WaitForDiskAsync(reply, a, session, cancellationToken).ConfigureAwait(false);
    }

    private WindowsSessionRecord? FindSession(ConnectArguments a)
    {
        lock (state.Gate)
        {
            return state.Sessions.Find(s => string.Equals(s.Iqn, a.NodeAddress, StringComparison.OrdinalIgnoreCase)
                && SameAddress(s.PortalAddress, s.PortalPort, a.TargetPortalAddress, a.TargetPortalPortNumber)
                && (a.InitiatorPortalAddress is null || s.InitiatorPortalAddress == a.InitiatorPortalAddress));
        }
    }

    private async Task<ConnectReply> WaitForDiskAsync(ConnectReply reply, ConnectArguments a, WindowsSessionRecord session, CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp() + (long)(a.DiskTimeoutSeconds * time.TimestampFrequency);
        while (true)
        {
            lock (state.Gate)
            {
                var now = time.GetTimestamp();
                var disk = now >= session.VisibleAt && state.Sessions.Contains(session)
                    ? state.Disks.Find(d => d.Sessions.Contains(session.Number) && d.Lun.Lun == a.Lun)
                    : null;
                if (disk is not null)
                {
                    return reply with { Ok = true, Device = WindowsProjection.Device(session, disk), Disk = WindowsProjection.Disk(disk) };
                }

                if (now >= deadline)
                {
                    return reply with { Error = new ScriptError { Reason = ScriptError.NoDisk, ErrorId = ScriptError.NoDisk, Category = "ObjectNotFound", Message = "The LUN did not appear as a disk before the deadline." } };
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, a.PollMilliseconds)), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Pays a dead portal's cost and says why it failed, or returns <see langword="null"/> when it answers.</summary>
    private async Task<string?> UnreachableAsync(WindowsPortal? portal, CancellationToken cancellationToken)
    {
        PortalState portalState;
        TimeSpan cost;
        lock (state.Gate)
        {
            portalState = portal?.State ?? PortalState.Refusing;
            cost = state.UnreachableCost;
        }

        switch (portalState)
        {
            case PortalState.Up:
                return null;
            case PortalState.Blackholed:
                await Task.Delay(cost, time, cancellationToken).ConfigureAwait(false);
                return "Connection Failed. (no answer from the portal)";
            default:
                return "Connection Failed. (the portal refused the connection)";
        }
    }

    private static bool SameAddress(string address, int port, string otherAddress, int otherPort) =>
        port == otherPort && new IscsiPortal(address, port).SameAddressAs(new IscsiPortal(otherAddress, otherPort));

    private static string DiskWwid(WindowsTarget target, SimulatedLun lun)
    {
        var naa = lun.Wwid ?? Kernel.DefaultWwid(target.Tid, lun.Lun);
        return naa.StartsWith("naa.", StringComparison.OrdinalIgnoreCase) ? naa[4..] : naa;
    }
}
