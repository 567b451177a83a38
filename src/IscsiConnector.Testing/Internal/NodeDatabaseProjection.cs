using System.Globalization;

namespace IscsiConnector.Testing.Internal;

/// <summary>
/// open-iscsi's node database as files under <c>/etc/iscsi</c> (Debian's location), laid out as open-iscsi 2.1.8's
/// <c>usr/idbm.c</c> writes it (<c>idbm_rec_write</c>, <c>idbm_discovery_write</c>):
/// <list type="bullet">
/// <item>a record with a known tpgt (SendTargets discovery) is the file <c>nodes/&lt;iqn&gt;/&lt;address&gt;,&lt;port&gt;,&lt;tpgt&gt;/&lt;iface&gt;</c>;</item>
/// <item>a record made with <c>-o new</c> and no tpgt (<c>PORTAL_GROUP_TAG_UNKNOWN</c>, -1) "drops down to old style portal as
/// config": the plain file <c>nodes/&lt;iqn&gt;/&lt;address&gt;,&lt;port&gt;</c>, with no tpgt and no iface in the path;</item>
/// <item>a SendTargets discovery record is <c>send_targets/&lt;address&gt;,&lt;port&gt;/st_config</c>.</item>
/// </list>
/// Addresses are written unbracketed (<c>rec->conn[0].address</c>), IPv6 included.
/// </summary>
internal static class NodeDatabaseProjection
{
    public const string NodesDirectory = "/etc/iscsi/nodes";

    public const string SendTargetsDirectory = "/etc/iscsi/send_targets";

    public static void Add(VirtualTree tree, HostState state)
    {
        tree.Directory(NodesDirectory);
        tree.Directory(SendTargetsDirectory);
        foreach (var node in state.Nodes)
        {
            tree.File(RecordPath(node), Render(node.Settings));
        }

        foreach (var (portal, settings) in state.DiscoveryRecords)
        {
            tree.File($"{SendTargetsDirectory}/{portal.Comma}/st_config", Render(settings));
        }
    }

    /// <summary>Where open-iscsi keeps this record (see the class remarks for the two layouts).</summary>
    public static string RecordPath(NodeRecord node) => node.Tpgt < 0
        ? $"{NodesDirectory}/{node.Iqn}/{node.Portal.Comma}"
        : string.Create(CultureInfo.InvariantCulture, $"{NodesDirectory}/{node.Iqn}/{node.Portal.Comma},{node.Tpgt}/{node.Iface}");

    // Real files hold the CHAP secrets in clear (root-only); the simulated host masks them as "-o show" does so
    // that a test dumping the tree cannot leak them.
    private static string Render(Dictionary<string, string> settings) => "# BEGIN RECORD 2.1.8\n" + NodeSettings.Show(settings) + "# END RECORD\n";
}
