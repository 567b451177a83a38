namespace IscsiConnector.Testing.Internal;

/// <summary>
/// iscsiadm (open-iscsi 2.1.8) over the simulated state: same exit codes and the same stdout/stderr texts as
/// the captured real runs (see /work/shared/testbed/captures). Time costs are paid outside the lock so that
/// parallel logins overlap as they do against a real iscsid.
/// </summary>
internal sealed partial class IscsiAdmEmulator(HostState state, TimeProvider time)
{
    public const string NoRecords = "iscsiadm: No records found";

    public async Task<ToolResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var args = IscsiAdmArguments.Parse(arguments);
        if (args.Error is not null)
        {
            return ToolResult.Fail(7, args.Error);
        }

        switch (args.Mode)
        {
            case "node":
                return await NodeAsync(args, cancellationToken).ConfigureAwait(false);
            case "session":
                return Session(args);
            case "discovery":
            case "discoverydb":
                return await DiscoveryAsync(args, args.Mode == "discoverydb", cancellationToken).ConfigureAwait(false);
            case "iface":
                return Iface(args);
            case null:
                return ToolResult.Fail(7, "iscsiadm: no mode specified (use -m node, session, discovery, discoverydb or iface)");
            default:
                return ToolResult.Fail(7, $"iscsiadm: Invalid mode '{args.Mode}'. Use -m node, session, discovery, discoverydb or iface (the simulated host does not emulate others).");
        }
    }

    private bool TryParsePortal(IscsiAdmArguments args, out PortalAddress? portal, out ToolResult error)
    {
        portal = null;
        error = default;
        if (args.Portal is null)
        {
            return true;
        }

        if (!PortalAddress.TryParse(args.Portal, out var parsed))
        {
            error = ToolResult.Fail(7, $"iscsiadm: cannot parse portal '{args.Portal}'");
            return false;
        }

        portal = parsed;
        return true;
    }

    private bool IfaceExists(string? iface) => iface is null || state.Ifaces.Contains(iface, StringComparer.Ordinal);

    // Captured (tests/system/captures/iface-unknown-login.txt, open-iscsi 2.1.8): node mode reads the iface before
    // any record, so "--login" and "-o new" through a missing iface exit 3 with this one line.
    private static ToolResult UnknownNodeIface(string iface) => ToolResult.Fail(3, $"iscsiadm: Could not read iface info for {iface}.");

    // Captured (same file): SendTargets discovery drops the iface with a longer text, is left with none and exits 21.
    private static ToolResult UnknownDiscoveryIface(string iface) => ToolResult.Fail(
        21,
        $"iscsiadm: Could not read iface info for {iface}. Make sure an iface config with the file name and iface.iscsi_ifacename {iface} is in /etc/iscsi/ifaces.");

    // Captured (tests/system/captures/iface-create.txt): "-m iface -I <missing> -o show" after the iface was deleted.
    private static ToolResult UnknownIfaceRecord(string iface) => ToolResult.Fail(
        6,
        $"iSCSI ERROR: Failed to open /etc/iscsi/ifaces/{iface} using read mode: 2 No such file or directory # idbm.c:_idbm_recs_read():834");

    private string? HwAddress(string iface) =>
        state.IfaceFields.TryGetValue(iface, out var fields) && fields.TryGetValue("iface.hwaddress", out var hw) ? hw : null;

    // The simulated kernel has iscsi_tcp and ib_iser; any other transport is an offload driver, usable only when its
    // module is loaded (SimulatedIscsiHost.AddOffloadHost). Not loaded, as captured with cxgb4i in iface-create.txt:
    // discovery exit 11 "iferror -101", login exit 23 "host not found".
    private bool OffloadWithoutDriver(string iface) => Transport(iface) is not ("tcp" or "iser") && !state.Transports.Contains(Transport(iface));

    private string Transport(string iface) => state.IfaceTransports.TryGetValue(iface, out var transport) ? transport : "tcp";

    private static string Describe(string iface, string iqn, PortalAddress portal) => $"[iface: {iface}, target: {iqn}, portal: {portal.Comma}]";
}
