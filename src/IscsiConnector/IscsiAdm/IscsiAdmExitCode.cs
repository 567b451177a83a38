namespace IscsiConnector.IscsiAdm;

/// <summary>
/// The exit codes of <c>iscsiadm</c>: open-iscsi's <c>ISCSI_ERR_*</c> values (include/iscsi_err.h).
/// </summary>
/// <remarks>See <see cref="IscsiAdmExitCodeExtensions.IsTransient"/> for which ones a retry can cure.</remarks>
public enum IscsiAdmExitCode
{
    /// <summary>0: success.</summary>
    Success = 0,

    /// <summary>1: generic error.</summary>
    Generic = 1,

    /// <summary>2: session not found.</summary>
    SessionNotFound = 2,

    /// <summary>3: could not allocate resource for the operation.</summary>
    NoMemory = 3,

    /// <summary>4: connect problem caused the operation to fail.</summary>
    Transport = 4,

    /// <summary>5: generic iSCSI login failure.</summary>
    Login = 5,

    /// <summary>6: error accessing or managing the iSCSI database (node records).</summary>
    NodeDatabase = 6,

    /// <summary>7: invalid argument.</summary>
    InvalidArgument = 7,

    /// <summary>8: connection timed out (seen for refused and blackholed portals alike).</summary>
    TransportTimeout = 8,

    /// <summary>9: generic internal iscsid or kernel failure.</summary>
    Internal = 9,

    /// <summary>10: iSCSI logout failed.</summary>
    Logout = 10,

    /// <summary>11: iSCSI PDU timed out (seen for discovery to a dead portal).</summary>
    PduTimeout = 11,

    /// <summary>12: iSCSI transport module not loaded in the kernel or iscsid.</summary>
    TransportNotFound = 12,

    /// <summary>13: did not have proper OS permissions to access iscsid or execute the command.</summary>
    Access = 13,

    /// <summary>14: transport module did not support the operation.</summary>
    TransportCapabilities = 14,

    /// <summary>15: session is already logged in.</summary>
    SessionExists = 15,

    /// <summary>16: invalid IPC management request.</summary>
    InvalidManagementRequest = 16,

    /// <summary>17: iSNS service is not supported.</summary>
    IsnsUnavailable = 17,

    /// <summary>18: a read or write to iscsid failed.</summary>
    IscsidCommunication = 18,

    /// <summary>19: fatal iSCSI login error (the target rejected the login permanently).</summary>
    FatalLogin = 19,

    /// <summary>20: could not connect to iscsid.</summary>
    IscsidNotConnected = 20,

    /// <summary>21: no records, sessions or objects found.</summary>
    NoObjectsFound = 21,

    /// <summary>22: sysfs lookup failure.</summary>
    SysfsLookup = 22,

    /// <summary>23: host lookup failure.</summary>
    HostNotFound = 23,

    /// <summary>24: iSCSI login failed due to authorization failure (CHAP missing or wrong).</summary>
    LoginAuthFailed = 24,

    /// <summary>25: iSNS query failure.</summary>
    IsnsQuery = 25,

    /// <summary>26: iSNS registration or deregistration failed.</summary>
    IsnsRegistration = 26,

    /// <summary>27: operation not supported.</summary>
    OperationNotSupported = 27,

    /// <summary>28: device or resource in use.</summary>
    Busy = 28,

    /// <summary>29: operation failed, but a retry may succeed.</summary>
    TryAgain = 29,

    /// <summary>30: unknown discovery type.</summary>
    UnknownDiscoveryType = 30,

    /// <summary>31: child process terminated.</summary>
    ChildTerminated = 31,

    /// <summary>32: session not connected.</summary>
    SessionNotConnected = 32,
}
