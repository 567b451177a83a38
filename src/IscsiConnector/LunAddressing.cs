namespace IscsiConnector;

/// <summary>
/// How the target encodes a LUN in the 8-byte SCSI LUN field, which decides the number the host's SCSI layer gives it
/// (sysfs H:C:T:L, the scan file, udev's by-path name). Cinder's <c>connection_info</c> key <c>addressing_mode</c>
/// carries it (values <c>SAM</c>, <c>SAM2</c>, <c>SAM3-flat</c>, os-brick's constants).
/// </summary>
public enum LunAddressing
{
    /// <summary>
    /// SAM-2: peripheral device addressing below 256, flat space addressing from 256 (LUN 300 is the host's 16684).
    /// tgtd and most arrays answer REPORT LUNS this way. The default here, unlike os-brick's (<see cref="Sam"/>): with
    /// it, a scan of LUN 300 on tgtd would address LUN 44 (peripheral addressing keeps only the low byte).
    /// </summary>
    Sam2 = 0,

    /// <summary>SAM: the LUN is the host's number unchanged (<c>addressing_mode: "SAM"</c>, os-brick's default).</summary>
    Sam = 1,

    /// <summary>SAM-3 flat space addressing for every LUN, also below 256 (LUN 1 is the host's 16385).</summary>
    Sam3Flat = 2,
}
