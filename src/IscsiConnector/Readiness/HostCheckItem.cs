namespace IscsiConnector.Readiness;

/// <summary>The finding for one requirement: what was found, or what is missing and how to fix it.</summary>
/// <param name="Requirement">What was checked.</param>
/// <param name="Status">Met, not met, or not checked.</param>
/// <param name="Detail">The evidence, e.g. <c>iscsiadm version 2.1.8</c> or <c>'iscsiadm -m session' exited with 20: iscsid is not running</c>.</param>
/// <param name="Fix">How to fix a problem (a command or a configuration step), or <see langword="null"/> when there is nothing to fix.</param>
public sealed record HostCheckItem(HostRequirement Requirement, HostCheckStatus Status, string Detail, string? Fix = null)
{
    /// <summary>Creates a met requirement.</summary>
    /// <param name="requirement">What was checked.</param>
    /// <param name="detail">What was found.</param>
    /// <returns>The item.</returns>
    public static HostCheckItem Ok(HostRequirement requirement, string detail) => new(requirement, HostCheckStatus.Ok, detail);

    /// <summary>Creates a requirement that is not met.</summary>
    /// <param name="requirement">What was checked.</param>
    /// <param name="detail">What is missing, with the evidence.</param>
    /// <param name="fix">How to fix it.</param>
    /// <returns>The item.</returns>
    public static HostCheckItem Problem(HostRequirement requirement, string detail, string fix) => new(requirement, HostCheckStatus.Problem, detail, fix);

    /// <summary>Creates a requirement that was not checked.</summary>
    /// <param name="requirement">What was not checked.</param>
    /// <param name="reason">Why not.</param>
    /// <returns>The item.</returns>
    public static HostCheckItem Skipped(HostRequirement requirement, string reason) => new(requirement, HostCheckStatus.Skipped, reason);

    /// <summary>Gets the item as one sentence: the detail, then the fix when there is one.</summary>
    /// <returns>E.g. <c>iscsid: … . Fix: systemctl start iscsid</c>.</returns>
    public override string ToString() => Fix is null ? $"{Requirement}: {Detail}" : $"{Requirement}: {Detail}. Fix: {Fix}";
}
