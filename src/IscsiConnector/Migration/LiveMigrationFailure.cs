namespace IscsiConnector.Migration;

/// <summary>Why a live-migration step (spec 003) refused its input. Each value names one problem the caller must fix.</summary>
public enum LiveMigrationFailure
{
    /// <summary>The domain XML is not well-formed, or is not a libvirt <c>&lt;domain&gt;</c> document.</summary>
    MalformedDomainXml,

    /// <summary>The destination device map (or an entry given for it) is malformed: a bad serial, path, IQN, LUN or host.</summary>
    InvalidDeviceMap,

    /// <summary>A serial in the map matches no volume disk of the domain.</summary>
    SerialNotFound,

    /// <summary>A serial in the map matches two or more disks of the domain, so the rewrite would be ambiguous.</summary>
    DuplicateSerial,

    /// <summary>A disk whose serial is in the map cannot take the destination given for it (e.g. a network disk of
    /// another protocol than iSCSI, a file disk, or a block disk given an iSCSI network source).</summary>
    UnsupportedDisk,

    /// <summary>No portal of the <c>connection_info</c> accepted a TCP connection (libiscsi mode).</summary>
    NoReachablePortal,

    /// <summary>The <c>connection_info</c> cannot be expressed for QEMU's built-in initiator (e.g. mutual CHAP).</summary>
    UnsupportedConnectionInfo,
}
