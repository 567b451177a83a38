using IscsiConnector.Host;

namespace IscsiConnector.Linux.Internal;

/// <summary>
/// Whether a daemon's abstract unix socket is listening, read from <c>/proc/net/unix</c>: no process, no
/// connection the daemon would have to answer, and the same network namespace its clients will use.
/// </summary>
/// <remarks>
/// A listening socket has the <c>__SO_ACCEPTCON</c> flag (<c>00010000</c>); abstract names are shown with a
/// leading <c>@</c>. Under systemd socket activation (<c>iscsid.socket</c>, <c>multipathd.socket</c>) systemd
/// holds the socket and starts the daemon on the first connection, which is as good as running. Captured on the
/// test bed: <c>00000000a57abb2e: 00000002 00000000 00010000 0001 01 11709 @ISCSIADM_ABSTRACT_NAMESPACE</c>.
/// </remarks>
internal static class ListeningSockets
{
    public const string Table = "/proc/net/unix";

    /// <summary>iscsid's management socket (open-iscsi <c>ISCSIADM_NAMESPACE</c>), which iscsiadm connects to for every login.</summary>
    public const string Iscsid = "@ISCSIADM_ABSTRACT_NAMESPACE";

    /// <summary>multipathd's command socket (<c>DEFAULT_SOCKET</c> in multipath-tools).</summary>
    public const string Multipathd = "@/org/kernel/linux/storage/multipathd";

    private const uint AcceptConnections = 0x00010000;

    /// <summary>Reads the table; <see langword="null"/> when it cannot be read (not Linux, no /proc).</summary>
    public static IReadOnlyList<string>? Listening(IHostFileSystem fileSystem)
    {
        var table = fileSystem.ReadAllText(Table);
        if (table is null)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var line in table.Split('\n').Skip(1))
        {
            // Num RefCount Protocol Flags Type St Inode Path
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 8
                && uint.TryParse(fields[3], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var flags)
                && (flags & AcceptConnections) != 0)
            {
                names.Add(fields[7]);
            }
        }

        return names;
    }
}
