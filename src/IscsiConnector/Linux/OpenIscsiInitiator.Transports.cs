using IscsiConnector.Initiator;

namespace IscsiConnector.Linux;

/// <summary>The same initiator over another iface (the Nova spec "Refactor ISCSIDriver to support other iSCSI transports besides TCP"): every <c>-I</c> of the copy names that iface.</summary>
internal sealed partial class OpenIscsiInitiator
{
    private OpenIscsiInitiator(OpenIscsiInitiator other, string iface)
    {
        _runner = other._runner;
        _fs = other._fs;
        _files = other._files;
        _iface = iface;
        _loginTimeout = other._loginTimeout;
        _time = other._time;
    }

    public IIscsiInitiator WithIface(string iface) => iface == _iface ? this : new OpenIscsiInitiator(this, iface);

    /// <summary>
    /// Whether a node record for the path exists <em>for this iface</em>: <c>&lt;db&gt;/&lt;iqn&gt;/&lt;address&gt;,&lt;port&gt;,&lt;tpgt&gt;/&lt;iface&gt;</c>.
    /// A record of another iface does not count, or "-o new" would be skipped and "-I &lt;iface&gt; -o update" find nothing.
    /// An old-style record (a file, not a directory) has no iface part and counts.
    /// </summary>
    private bool NodeExistsForIface(IscsiPath path) =>
        NodeRecords(path.Iqn).Any(r => r.Portal.SameAddressAs(path.Portal) && (r.IsStatic
            ? StaticRecordIface(_fs.ReadAllText(r.Record)) is not { } iface || iface == _iface
            : _fs.ListDirectory(r.Record).Count == 0 || _fs.Exists($"{r.Record}/{_iface}")));

    // A record made with "-o new" (no tpgt) is one plain file <iqn>/<address>,<port>; its iface is a line inside.
    private static string? StaticRecordIface(string? record)
    {
        const string Key = "iface.iscsi_ifacename = ";
        foreach (var line in (record ?? string.Empty).Split('\n'))
        {
            if (line.StartsWith(Key, StringComparison.Ordinal))
            {
                return line[Key.Length..].Trim();
            }
        }

        return null;
    }
}
