namespace IscsiConnector.IscsiAdm;

/// <summary>
/// The exit codes of <c>iscsiadm</c>: open-iscsi's <c>ISCSI_ERR_*</c> values (include/iscsi_err.h).
/// </summary>
/// <remarks>
/// Checked against open-iscsi's <c>include/iscsi_err.h</c> (values 0–31) and the iscsiadm(8) man page
/// of 2.1.x, which adds 32 (<c>ISCSI_ERR_SESSION_NOT_CONNECTED</c>). The C name is given on each
/// member. See <see cref="IscsiAdmExitCodeExtensions.IsTransient"/> for which ones a retry can cure.
/// </remarks>
public enum IscsiAdmExitCode
{
    /// <summary>0: success (<c>ISCSI_SUCCESS</c>).</summary>
    Success = 0,

    /// <summary>1: generic error (<c>ISCSI_ERR</c>).</summary>
    Generic = 1,

    /// <summary>2: session not found (<c>ISCSI_ERR_SESS_NOT_FOUND</c>).</summary>
    SessionNotFound = 2,

    /// <summary>3: could not allocate resource for the operation (<c>ISCSI_ERR_NOMEM</c>).</summary>
    NoMemory = 3,

    /// <summary>4: connect problem caused the operation to fail (<c>ISCSI_ERR_TRANS</c>).</summary>
    Transport = 4,

    /// <summary>5: generic iSCSI login failure (<c>ISCSI_ERR_LOGIN</c>).</summary>
    Login = 5,

    /// <summary>6: error accessing or managing the iSCSI database (node records) (<c>ISCSI_ERR_IDBM</c>).</summary>
    NodeDatabase = 6,

    /// <summary>7: invalid argument (<c>ISCSI_ERR_INVAL</c>).</summary>
    InvalidArgument = 7,

    /// <summary>8: the connection timer expired while connecting (<c>ISCSI_ERR_TRANS_TIMEOUT</c>); seen for refused and blackholed portals alike.</summary>
    TransportTimeout = 8,

    /// <summary>9: generic internal iscsid or kernel failure (<c>ISCSI_ERR_INTERNAL</c>).</summary>
    Internal = 9,

    /// <summary>10: iSCSI logout failed (<c>ISCSI_ERR_LOGOUT</c>).</summary>
    Logout = 10,

    /// <summary>11: an iSCSI PDU timed out (<c>ISCSI_ERR_PDU_TIMEOUT</c>); seen for discovery to a dead portal.</summary>
    PduTimeout = 11,

    /// <summary>12: iSCSI transport module not loaded in the kernel or iscsid (<c>ISCSI_ERR_TRANS_NOT_FOUND</c>).</summary>
    TransportNotFound = 12,

    /// <summary>13: did not have proper OS permissions to access iscsid or execute the command (<c>ISCSI_ERR_ACCESS</c>).</summary>
    Access = 13,

    /// <summary>14: transport module did not support the operation (<c>ISCSI_ERR_TRANS_CAPS</c>).</summary>
    TransportCapabilities = 14,

    /// <summary>15: session is already logged in (<c>ISCSI_ERR_SESS_EXISTS</c>).</summary>
    SessionExists = 15,

    /// <summary>16: invalid IPC management request (<c>ISCSI_ERR_INVALID_MGMT_REQ</c>).</summary>
    InvalidManagementRequest = 16,

    /// <summary>17: iSNS service is not supported (<c>ISCSI_ERR_ISNS_UNAVAILABLE</c>).</summary>
    IsnsUnavailable = 17,

    /// <summary>18: a read or write to iscsid failed (<c>ISCSI_ERR_ISCSID_COMM_ERR</c>).</summary>
    IscsidCommunication = 18,

    /// <summary>19: fatal iSCSI login error: the target rejected the login permanently (<c>ISCSI_ERR_FATAL_LOGIN</c>).</summary>
    FatalLogin = 19,

    /// <summary>20: could not connect to iscsid (<c>ISCSI_ERR_ISCSID_NOTCONN</c>).</summary>
    IscsidNotConnected = 20,

    /// <summary>21: no records, sessions or objects found (<c>ISCSI_ERR_NO_OBJS_FOUND</c>).</summary>
    NoObjectsFound = 21,

    /// <summary>22: sysfs lookup failure (<c>ISCSI_ERR_SYSFS_LOOKUP</c>).</summary>
    SysfsLookup = 22,

    /// <summary>23: host lookup failure (<c>ISCSI_ERR_HOST_NOT_FOUND</c>).</summary>
    HostNotFound = 23,

    /// <summary>24: iSCSI login failed due to authorization failure, CHAP missing or wrong (<c>ISCSI_ERR_LOGIN_AUTH_FAILED</c>).</summary>
    LoginAuthFailed = 24,

    /// <summary>25: iSNS query failure (<c>ISCSI_ERR_ISNS_QUERY</c>).</summary>
    IsnsQuery = 25,

    /// <summary>26: iSNS registration or deregistration failed (<c>ISCSI_ERR_ISNS_REG_FAILED</c>).</summary>
    IsnsRegistration = 26,

    /// <summary>27: operation not supported (<c>ISCSI_ERR_OP_NOT_SUPP</c>).</summary>
    OperationNotSupported = 27,

    /// <summary>28: device or resource in use (<c>ISCSI_ERR_BUSY</c>).</summary>
    Busy = 28,

    /// <summary>29: operation failed, but a retry may succeed (<c>ISCSI_ERR_AGAIN</c>).</summary>
    TryAgain = 29,

    /// <summary>30: unknown discovery type (<c>ISCSI_ERR_UNKNOWN_DISCOVERY_TYPE</c>).</summary>
    UnknownDiscoveryType = 30,

    /// <summary>31: child process terminated (<c>ISCSI_ERR_CHILD_TERMINATED</c>).</summary>
    ChildTerminated = 31,

    /// <summary>32: session not connected (<c>ISCSI_ERR_SESSION_NOT_CONNECTED</c>).</summary>
    SessionNotConnected = 32,
}
