namespace IscsiConnector;

/// <summary>What happened on one portal during an attach.</summary>
public enum LoginOutcome
{
    /// <summary>This attach logged in and found the device.</summary>
    LoggedIn,

    /// <summary>A session to the portal and target existed already (another volume, or an earlier attach) and was reused.</summary>
    AlreadyLoggedIn,

    /// <summary>The login failed, or the device did not appear or did not match; see <see cref="PortalOutcome.Failure"/>.</summary>
    Failed,

    /// <summary>Not tried: an earlier portal succeeded (failover), or the attach was cancelled first.</summary>
    Skipped,
}
