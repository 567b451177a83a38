using IscsiConnector.Initiator;
using IscsiConnector.Internal;

namespace IscsiConnector.PortalAttempts;

/// <summary>
/// Logs in to one portal through one iface, or reuses the session that exists: node record (created only when
/// missing), settings, login under the login retry, and the session as the initiator then reports it. Everything
/// it creates is written into the attempt's <see cref="UndoRecord"/> before the command runs.
/// </summary>
internal static class SessionLogin
{
    /// <param name="services">The connector's shared services.</param>
    /// <param name="initiator">The initiator bound to the iface to log in through.</param>
    /// <param name="iface">That iface's name (a session through another iface is not reused).</param>
    /// <param name="path">The portal, target and LUN.</param>
    /// <param name="settings">The node settings (timeouts, CHAP).</param>
    /// <param name="existedBefore">Which records existed before discovery created more, or <see langword="null"/> without discovery.</param>
    /// <param name="undo">Where to record what is created.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    public static async Task<LoginResult> LoginOrReuseAsync(
        PortalAttemptServices services,
        IIscsiInitiator initiator,
        string iface,
        IscsiPath path,
        NodeSettings settings,
        Func<IscsiPath, bool>? existedBefore,
        UndoRecord undo,
        CancellationToken cancellationToken)
    {
        // An existing session (another volume on the same target, or a repeated attach) is reused untouched:
        // no node update, no login. Sessions are read without starting a process where the platform allows.
        var sessions = await initiator.GetSessionsAsync([path.Iqn], cancellationToken).ConfigureAwait(false);
        var session = sessions.FirstOrDefault(s => s.Matches(path.Portal, path.Iqn, iface));
        if (session is not null)
        {
            undo.SessionReused();
            Log.SessionReused(services.Logger, path.Portal.Address, path.Iqn, session.Id);
            return new LoginResult(session, LoginOutcome.AlreadyLoggedIn);
        }

        var existsNow = await initiator.NodeExistsAsync(path, cancellationToken).ConfigureAwait(false);
        undo.NodeWillBeCreated(ownsNode: !(existedBefore?.Invoke(path) ?? existsNow), creates: !existsNow);
        try
        {
            // Never "automatic" before the login worked (os-brick's order too): an attach killed in between would leave a
            // record iscsid logs in to at every boot, and no disconnect would know of it.
            await services.NodeCommandAsync(t => initiator.PrepareNodeAsync(path, existsNow, settings with { AutomaticStartup = false }, t), cancellationToken).ConfigureAwait(false);
        }
        catch (IscsiCommandException e)
        {
            return LoginResult.Failed(PortalFailure.From(PortalFailureKind.NodeSetupFailed, e));
        }

        // A login cancelled half way may still complete in the initiator, so undo logs out.
        undo.LoginWillRun();
        try
        {
            await services.Pipelines.Login.ExecuteAsync(async token => await initiator.LoginAsync(path, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (IscsiCommandException e)
        {
            // A login killed at its timeout is not a login that failed: iscsid may still complete it and a session
            // appear. Undo then logs out (harmless when none appeared) before deleting the record.
            if (!e.TimedOut)
            {
                undo.LoginFailed();
            }

            return LoginResult.Failed(PortalFailure.From(e.IsAuthenticationFailure ? PortalFailureKind.AuthenticationFailed : PortalFailureKind.LoginFailed, e));
        }

        sessions = await initiator.GetSessionsAsync([path.Iqn], cancellationToken).ConfigureAwait(false);
        session = sessions.FirstOrDefault(s => s.Matches(path.Portal, path.Iqn, iface));
        if (session is null)
        {
            return LoginResult.Failed(new PortalFailure(PortalFailureKind.LoginFailed, "The initiator reported a successful login but no session appeared."));
        }

        Log.SessionLoggedIn(services.Logger, path.Portal.Address, path.Iqn, session.Id);
        if (settings.AutomaticStartup)
        {
            try
            {
                await services.NodeCommandAsync(t => initiator.SetAutomaticStartupAsync(path, t), cancellationToken).ConfigureAwait(false);
            }
            catch (IscsiCommandException e)
            {
                // The session works; only its return after a reboot is lost, which is no reason to fail the attach.
                Log.CleanupFailed(services.Logger, path.Portal.Address, path.Iqn, "could not mark the record node.startup=automatic: " + e.Message);
            }
        }

        return new LoginResult(session, LoginOutcome.LoggedIn);
    }
}
