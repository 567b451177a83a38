using System.Globalization;
using IscsiConnector.Windows.Internal;

namespace IscsiConnector.Testing.Windows.Internal;

/// <summary>
/// Shows the simulated state as the cmdlets would: exactly the properties the scripts select, with the names and
/// types of the documented classes (MSFT_iSCSISession, MSFT_iSCSIConnection, MSFT_iSCSITargetPortal,
/// MSFT_InitiatorPort, MSFT_Disk, MSIscsiInitiator_DeviceOnSession).
/// </summary>
internal static class WindowsProjection
{
    /// <summary>The software initiator's instance name on a real host.</summary>
    public const string InstanceName = @"ROOT\ISCSIPRT\0000_0";

    /// <summary>MSFT_Disk.BusType of an iSCSI disk.</summary>
    public const ushort IscsiBusType = 9;

    public static MsftIscsiSession Session(WindowsHostState state, WindowsSessionRecord s) => new()
    {
        SessionIdentifier = s.Identifier,
        TargetNodeAddress = s.Iqn,
        InitiatorNodeAddress = state.InitiatorName,
        InitiatorPortalAddress = s.InitiatorPortalAddress,
        InitiatorInstanceName = s.InitiatorInstanceName ?? InstanceName,
        AuthenticationType = s.AuthenticationType,
        IsConnected = true,
        IsPersistent = s.Persistent,
        NumberOfConnections = 1,
    };

    public static MsftIscsiConnection Connection(WindowsSessionRecord s) => new()
    {
        ConnectionIdentifier = s.Identifier[..^2] + "02",
        InitiatorAddress = s.InitiatorPortalAddress ?? "0.0.0.0",
        InitiatorPortNumber = (uint)(49152 + s.Number),
        TargetAddress = s.PortalAddress,
        TargetPortNumber = (uint)s.PortalPort,
    };

    public static MsftIscsiTargetPortal TargetPortal(WindowsTargetPortalRecord p) => new()
    {
        TargetPortalAddress = p.Address,
        TargetPortalPortNumber = (ushort)p.Port,
        InitiatorInstanceName = p.InitiatorInstanceName,
        InitiatorPortalAddress = p.InitiatorPortalAddress,
    };

    public static MsftInitiatorPort InitiatorPort(WindowsHostState state) => new()
    {
        NodeAddress = state.InitiatorName,
        InstanceName = InstanceName,
        PortAddress = "ISCSI ANY PORT",
        ConnectionType = MsftInitiatorPort.IscsiConnectionType,
    };

    public static IscsiDeviceOnSession Device(WindowsSessionRecord s, WindowsDiskRecord d) => new()
    {
        ScsiPortNumber = 2,
        ScsiPathId = 0,
        ScsiTargetId = (byte)s.Number,
        ScsiLun = (byte)d.Lun.Lun,
        DeviceNumber = (uint)d.Number,
        DeviceType = IscsiDeviceOnSession.DiskDeviceType,
        LegacyName = DiskPath(d.Number),
    };

    public static MsftDisk Disk(WindowsDiskRecord d) => new()
    {
        Number = (uint)d.Number,
        Path = string.Create(CultureInfo.InvariantCulture, $@"\\?\{(d.Mpio ? "mpio" : "scsi")}#disk&ven_{d.Lun.Vendor.ToLowerInvariant()}&prod_{d.Lun.Model.ToLowerInvariant()}#1&7f6ac24&0&{d.Number:x6}#{{53f56307-b6bf-11d0-94f2-00a0c91efb8b}}"),
        Location = string.Create(CultureInfo.InvariantCulture, $"Integrated : Adapter 2 : Port 0 : Target 0 : LUN {d.Lun.Lun}"),
        SerialNumber = string.Create(CultureInfo.InvariantCulture, $"beaf{d.Number}{d.Lun.Lun}"),
        UniqueId = d.Wwid.ToUpperInvariant(),
        UniqueIdFormat = MsftDisk.NaaUniqueIdFormat,
        Size = (ulong)d.Lun.SizeBytes,
        IsOffline = false,
        BusType = IscsiBusType,
    };

    public static string DiskPath(int number) => string.Create(CultureInfo.InvariantCulture, $@"\\.\PHYSICALDRIVE{number}");

    public static ScriptError Error(string cmdlet, long code, string message) => new()
    {
        Reason = ScriptError.Failed,
        Code = code,
        ErrorId = string.Create(CultureInfo.InvariantCulture, $"HRESULT 0x{code:x8},{cmdlet}"),
        Category = "NotSpecified",
        Message = message,
    };
}
