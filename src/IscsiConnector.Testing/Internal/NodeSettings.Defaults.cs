using System.Globalization;

namespace IscsiConnector.Testing.Internal;

internal static partial class NodeSettings
{
    // Every key of a node record in the order "iscsiadm -m node -o show" prints it, with iscsid.conf's defaults,
    // copied from tests/system/captures/node-show.txt (open-iscsi 2.1.8, Debian 12). null: depends on the record.
    private static readonly (string Key, string? Value)[] NodeTemplate =
    [
        ("node.name", null),
        ("node.tpgt", null),
        ("node.startup", "manual"),
        ("node.leading_login", "No"),
        ("iface.iscsi_ifacename", null),
        ("iface.net_ifacename", "<empty>"),
        ("iface.ipaddress", "<empty>"),
        ("iface.prefix_len", "0"),
        ("iface.hwaddress", "<empty>"),
        ("iface.transport_name", null),
        ("iface.initiatorname", "<empty>"),
        ("iface.state", "<empty>"),
        ("iface.vlan_id", "0"),
        ("iface.vlan_priority", "0"),
        ("iface.vlan_state", "<empty>"),
        ("iface.iface_num", "0"),
        ("iface.mtu", "0"),
        ("iface.port", "0"),
        ("iface.bootproto", "<empty>"),
        ("iface.subnet_mask", "<empty>"),
        ("iface.gateway", "<empty>"),
        ("iface.dhcp_alt_client_id_state", "<empty>"),
        ("iface.dhcp_alt_client_id", "<empty>"),
        ("iface.dhcp_dns", "<empty>"),
        ("iface.dhcp_learn_iqn", "<empty>"),
        ("iface.dhcp_req_vendor_id_state", "<empty>"),
        ("iface.dhcp_vendor_id_state", "<empty>"),
        ("iface.dhcp_vendor_id", "<empty>"),
        ("iface.dhcp_slp_da", "<empty>"),
        ("iface.fragmentation", "<empty>"),
        ("iface.gratuitous_arp", "<empty>"),
        ("iface.incoming_forwarding", "<empty>"),
        ("iface.tos_state", "<empty>"),
        ("iface.tos", "0"),
        ("iface.ttl", "0"),
        ("iface.delayed_ack", "<empty>"),
        ("iface.tcp_nagle", "<empty>"),
        ("iface.tcp_wsf_state", "<empty>"),
        ("iface.tcp_wsf", "0"),
        ("iface.tcp_timer_scale", "0"),
        ("iface.tcp_timestamp", "<empty>"),
        ("iface.redirect", "<empty>"),
        ("iface.def_task_mgmt_timeout", "0"),
        ("iface.header_digest", "<empty>"),
        ("iface.data_digest", "<empty>"),
        ("iface.immediate_data", "<empty>"),
        ("iface.initial_r2t", "<empty>"),
        ("iface.data_seq_inorder", "<empty>"),
        ("iface.data_pdu_inorder", "<empty>"),
        ("iface.erl", "0"),
        ("iface.max_receive_data_len", "0"),
        ("iface.first_burst_len", "0"),
        ("iface.max_outstanding_r2t", "0"),
        ("iface.max_burst_len", "0"),
        ("iface.chap_auth", "<empty>"),
        ("iface.bidi_chap", "<empty>"),
        ("iface.strict_login_compliance", "<empty>"),
        ("iface.discovery_auth", "<empty>"),
        ("iface.discovery_logout", "<empty>"),
        ("node.discovery_address", null),
        ("node.discovery_port", null),
        ("node.discovery_type", null),
        ("node.session.initial_cmdsn", "0"),
        ("node.session.initial_login_retry_max", "8"),
        ("node.session.xmit_thread_priority", "-20"),
        ("node.session.cmds_max", "128"),
        ("node.session.queue_depth", "32"),
        ("node.session.nr_sessions", "1"),
        ("node.session.auth.authmethod", "None"),
        ("node.session.auth.username", "<empty>"),
        ("node.session.auth.password", "<empty>"),
        ("node.session.auth.username_in", "<empty>"),
        ("node.session.auth.password_in", "<empty>"),
        ("node.session.auth.chap_algs", "MD5"),
        ("node.session.timeo.replacement_timeout", "120"),
        ("node.session.err_timeo.abort_timeout", "15"),
        ("node.session.err_timeo.lu_reset_timeout", "30"),
        ("node.session.err_timeo.tgt_reset_timeout", "30"),
        ("node.session.err_timeo.host_reset_timeout", "60"),
        ("node.session.iscsi.FastAbort", "Yes"),
        ("node.session.iscsi.InitialR2T", "No"),
        ("node.session.iscsi.ImmediateData", "Yes"),
        ("node.session.iscsi.FirstBurstLength", "262144"),
        ("node.session.iscsi.MaxBurstLength", "16776192"),
        ("node.session.iscsi.DefaultTime2Retain", "0"),
        ("node.session.iscsi.DefaultTime2Wait", "2"),
        ("node.session.iscsi.MaxConnections", "1"),
        ("node.session.iscsi.MaxOutstandingR2T", "1"),
        ("node.session.iscsi.ERL", "0"),
        ("node.session.scan", "auto"),
        ("node.session.reopen_max", "0"),
        ("node.conn[0].address", null),
        ("node.conn[0].port", null),
        ("node.conn[0].startup", "manual"),
        ("node.conn[0].tcp.window_size", "524288"),
        ("node.conn[0].tcp.type_of_service", "0"),
        ("node.conn[0].timeo.logout_timeout", "15"),
        ("node.conn[0].timeo.login_timeout", "15"),
        ("node.conn[0].timeo.auth_timeout", "45"),
        ("node.conn[0].timeo.noop_out_interval", "5"),
        ("node.conn[0].timeo.noop_out_timeout", "5"),
        ("node.conn[0].iscsi.MaxXmitDataSegmentLength", "0"),
        ("node.conn[0].iscsi.MaxRecvDataSegmentLength", "262144"),
        ("node.conn[0].iscsi.HeaderDigest", "None"),
        ("node.conn[0].iscsi.DataDigest", "None"),
        ("node.conn[0].iscsi.IFMarker", "No"),
        ("node.conn[0].iscsi.OFMarker", "No"),
    ];

    /// <summary>A new record's settings: discovered ones (tpgt known) name their discovery portal, "-o new" ones are static.</summary>
    public static Dictionary<string, string> Defaults(string iqn, PortalAddress portal, string iface, int tpgt)
    {
        var discovered = tpgt >= 0;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in NodeTemplate)
        {
            settings[key] = value ?? key switch
            {
                "node.name" => iqn,
                "node.tpgt" => tpgt.ToString(CultureInfo.InvariantCulture),
                "iface.iscsi_ifacename" => iface,
                "iface.transport_name" => iface == "iser" ? "iser" : "tcp",
                "node.discovery_address" => discovered ? portal.Host : "<empty>",
                "node.discovery_port" => discovered ? portal.Port.ToString(CultureInfo.InvariantCulture) : "0",
                "node.discovery_type" => discovered ? "send_targets" : "static",
                "node.conn[0].address" => portal.Host,
                _ => portal.Port.ToString(CultureInfo.InvariantCulture),
            };
        }

        return settings;
    }

    /// <summary>Discovery found an existing record: it takes the tpgt and the discovery portal (idbm_add_node with a drec).</summary>
    public static void MarkDiscovered(Dictionary<string, string> settings, PortalAddress via, int tpgt)
    {
        settings["node.tpgt"] = tpgt.ToString(CultureInfo.InvariantCulture);
        settings["node.discovery_address"] = via.Host;
        settings["node.discovery_port"] = via.Port.ToString(CultureInfo.InvariantCulture);
        settings["node.discovery_type"] = "send_targets";
    }
}
