using System.Globalization;

namespace IscsiConnector;

/// <summary>A SCSI device address, host:channel:target:lun (H:C:T:L), as the kernel names SCSI devices.</summary>
/// <param name="Host">The SCSI host number (one per iSCSI session with software iSCSI).</param>
/// <param name="Channel">The channel (bus) number.</param>
/// <param name="Target">The target id.</param>
/// <param name="Lun">The logical unit number.</param>
public sealed record ScsiAddress(int Host, int Channel, int Target, int Lun)
{
    /// <summary>Parses <c>H:C:T:L</c> as found in sysfs directory names.</summary>
    /// <param name="text">The text, e.g. <c>2:0:0:1</c>.</param>
    /// <param name="address">The parsed address.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> has four non-negative numbers.</returns>
    public static bool TryParse(string? text, out ScsiAddress? address)
    {
        address = null;
        var parts = text?.Split(':');
        if (parts is not { Length: 4 })
        {
            return false;
        }

        var numbers = new int[4];
        for (var i = 0; i < 4; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        address = new ScsiAddress(numbers[0], numbers[1], numbers[2], numbers[3]);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Channel}:{Target}:{Lun}");
}
