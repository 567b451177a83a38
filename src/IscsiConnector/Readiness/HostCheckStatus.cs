namespace IscsiConnector.Readiness;

/// <summary>The outcome of one <see cref="HostCheckItem"/>.</summary>
public enum HostCheckStatus
{
    /// <summary>The requirement is met.</summary>
    Ok,

    /// <summary>The requirement is not met: an attach would fail. <see cref="HostCheckItem.Fix"/> says what to do.</summary>
    Problem,

    /// <summary>Not checked: not needed with these settings (multipathd without multipath), or not checkable after an earlier problem (iscsid without iscsiadm).</summary>
    Skipped,
}
