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
                if (parts.Length == 3 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
                    && new IscsiPortal(parts[0], port).SameAddressAs(path.Portal)
                    && (_fs.ListDirectory($"{target}/{entry}").Count == 0 || _fs.Exists($"{target}/{entry}/{_iface}")))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
