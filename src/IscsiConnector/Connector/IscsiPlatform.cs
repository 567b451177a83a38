namespace IscsiConnector;

/// <summary>Which host initiator the connector drives (see <see cref="IscsiConnectorOptions.Platform"/>).</summary>
public enum IscsiPlatform
{
    /// <summary>The one this process runs on: <see cref="Windows"/> when <see cref="OperatingSystem.IsWindows"/>, otherwise <see cref="Linux"/>.</summary>
    Auto,

    /// <summary>open-iscsi (<c>iscsiadm</c>, sysfs, dm-multipath).</summary>
    Linux,

    /// <summary>The Microsoft iSCSI initiator through Windows PowerShell's iSCSI and Storage cmdlets (docs/windows.md).</summary>
    Windows,
}
