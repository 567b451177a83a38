namespace IscsiConnector.IscsiAdm.Parsing;

/// <summary>
/// One session from <c>iscsiadm -m session -P 1|2|3</c> (optionally <c>-r &lt;sid&gt;</c>). Fields printed only at
/// higher print levels are <see langword="null"/> or empty at lower ones.
/// </summary>
internal sealed record IscsiSessionDetail
{
    /// <summary>Gets the target's iSCSI name (<c>Target:</c>).</summary>
    public required string TargetName { get; init; }

    /// <summary>Gets whether it is a flash session, or <see langword="null"/> when the <c>Target:</c> line does not say.</summary>
    public bool? IsFlash { get; init; }

    /// <summary>Gets the session id (<c>SID:</c>).</summary>
    public required int SessionId { get; init; }

    /// <summary>Gets the portal currently connected to (<c>Current Portal:</c>); it differs from the persistent one after a redirect.</summary>
    public required IscsiPortal CurrentPortal { get; init; }

    /// <summary>Gets the portal of the node record (<c>Persistent Portal:</c>), or <see langword="null"/> when not printed.</summary>
    public IscsiPortal? PersistentPortal { get; init; }

    /// <summary>Gets the iface name (<c>Iface Name:</c>).</summary>
    public string? IfaceName { get; init; }

    /// <summary>Gets the transport (<c>Iface Transport:</c>), e.g. <c>tcp</c>.</summary>
    public string? Transport { get; init; }

    /// <summary>Gets the initiator name used (<c>Iface Initiatorname:</c>).</summary>
    public string? InitiatorName { get; init; }

    /// <summary>Gets the local address of the connection (<c>Iface IPaddress:</c>).</summary>
    public string? LocalAddress { get; init; }

    /// <summary>Gets the connection state (<c>iSCSI Connection State:</c>), e.g. <c>LOGGED IN</c>.</summary>
    public string? ConnectionState { get; init; }

    /// <summary>Gets the session state (<c>iSCSI Session State:</c>), e.g. <c>LOGGED_IN</c> or <c>FAILED</c>.</summary>
    public string? SessionState { get; init; }

    /// <summary>Gets iscsid's internal state (<c>Internal iscsid Session State:</c>), e.g. <c>NO CHANGE</c> or <c>REOPEN</c>.</summary>
    public string? InternalState { get; init; }

    /// <summary>Gets the SCSI host number (<c>Host Number:</c>, level 3), or <see langword="null"/>.</summary>
    public int? HostNumber { get; init; }

    /// <summary>Gets the SCSI host state (level 3), or <see langword="null"/>.</summary>
    public string? HostState { get; init; }

    /// <summary>Gets the attached SCSI devices (level 3), in output order.</summary>
    public IReadOnlyList<IscsiScsiDevice> Devices { get; init; } = [];

    /// <summary>
    /// Gets every <c>Key: value</c> line of the session as printed (also those surfaced as properties above:
    /// timeouts, negotiated parameters, CHAP user names), with <c>&lt;empty&gt;</c> as <see langword="null"/>.
    /// Password lines are left out, although iscsiadm masks them.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Properties { get; init; } = new Dictionary<string, string?>();
}
