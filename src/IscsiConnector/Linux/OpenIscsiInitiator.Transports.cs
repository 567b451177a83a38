using IscsiConnector.Connector.Internal;

namespace IscsiConnector.Linux;

/// <summary>The same initiator over another iface (spec 004): every <c>-I</c> of the copy names that iface.</summary>
internal sealed partial class OpenIscsiInitiator
{
    private OpenIscsiInitiator(OpenIscsiInitiator other, string iface)
    {
        _runner = other._runner;
        _fs = other._fs;
        _iface = iface;
        _loginTimeout = other._loginTimeout;
    }

    public IIscsiInitiator WithIface(string iface) => iface == _iface ? this : new OpenIscsiInitiator(this, iface);

    /// <summary>
    /// Whether a node record for the path exists <em>for this iface</em>: <c>&lt;db&gt;/&lt;iqn&gt;/&lt;address&gt;,&lt;port&gt;,&lt;tpgt&gt;/&lt;iface&gt;</c>.
    /// A record of another iface does not count, or "-o new" would be skipped and "-I &lt;iface&gt; -o update" find nothing.
    /// An old-style record (a file, not a directory) has no iface part and counts.
    /// </summary>
    private bool NodeExistsForIface(IscsiPath path)
    {
        foreach (var database in NodeDatabases)
        {
            var target = $"{database}/{path.Iqn}";
            foreach (var entry in _fs.ListDirectory(target))
            {
                var parts = entry.Split(',');
                if (parts.Length is not (2 or 3)
                    || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
                    || !new IscsiPortal(parts[0], port).SameAddressAs(path.Portal))
                {
                    continue;
                }

                var record = $"{target}/{entry}";
                if (parts.Length == 2
                    ? StaticRecordIface(_fs.ReadAllText(record)) is not { } iface || iface == _iface
                    : _fs.ListDirectory(record).Count == 0 || _fs.Exists($"{record}/{_iface}"))
                {
                    return true;
                }
            }
        }

        return false;
    }

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
