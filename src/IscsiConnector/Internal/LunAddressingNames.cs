using static IscsiConnector.Internal.ConnectionInfoKeys;

namespace IscsiConnector.Internal;

/// <summary>connection_info's <c>addressing_mode</c> values (os-brick's <c>SCSI_ADDRESSING_*</c> constants) and back.</summary>
internal static class LunAddressingNames
{
    public const string Sam = "SAM";
    public const string Sam2 = "SAM2";
    public const string Sam3Flat = "SAM3-flat";

    /// <summary>Reads the key's value; absent is <see cref="LunAddressing.Sam2"/>.</summary>
    /// <exception cref="ConnectionInfoException">Any other value.</exception>
    public static LunAddressing Read(string? value) => value switch
    {
        null or Sam2 => LunAddressing.Sam2,
        Sam => LunAddressing.Sam,
        Sam3Flat => LunAddressing.Sam3Flat,
        _ => throw new ConnectionInfoException(AddressingMode, $"{ValueRules.Show(value)} is not an addressing mode; expected \"{Sam}\", \"{Sam2}\" or \"{Sam3Flat}\"."),
    };

    public static string Name(LunAddressing addressing) => addressing switch
    {
        LunAddressing.Sam => Sam,
        LunAddressing.Sam3Flat => Sam3Flat,
        _ => Sam2,
    };

    /// <summary>The paths, each addressed with <paramref name="addressing"/> (the paths of one volume share its array's addressing).</summary>
    public static IReadOnlyList<IscsiPath> Apply(IEnumerable<IscsiPath>? paths, LunAddressing addressing) =>
        paths is null ? [] : [.. paths.Select(p => p.Addressing == addressing ? p : p with { Addressing = addressing })];
}
