namespace IscsiConnector;

/// <summary>
/// The largest <c>connection_info</c> <see cref="ConnectionInfo.Parse(string)"/> and <see cref="ConnectionInfo.Validate"/>
/// accept. Input beyond a limit is refused with a <see cref="ConnectionInfoException"/> naming the key, before any
/// work proportional to its size: a backend answer is a few kilobytes, so anything far larger is a mistake or an attack.
/// </summary>
public static class ConnectionInfoLimits
{
    /// <summary>The most UTF-8 bytes (or UTF-16 characters, for text) a whole document may have: 1 MiB.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>
    /// The most entries a portal, IQN or LUN list (<c>target_portals</c>, <c>target_alternative_portals</c>, …) may
    /// have: 256. Multipath arrays present a handful of portals; every entry costs a login.
    /// </summary>
    public const int MaxPaths = 256;

    /// <summary>
    /// The most UTF-8 bytes of a CHAP user name or secret: 255. open-iscsi keeps them in a 256-byte buffer
    /// (<c>AUTH_STR_MAX_LEN</c>) and silently cuts a longer value, so the login would fail for no visible reason.
    /// </summary>
    public const int MaxChapBytes = 255;

    /// <summary>The most characters of a <c>volume_id</c>: 255 (Cinder's ids are 36-character UUIDs).</summary>
    public const int MaxVolumeIdLength = 255;
}
