using System.Globalization;
using IscsiConnector.IscsiAdm;
using IscsiConnector.IscsiAdm.Parsing;

namespace IscsiConnector.Linux;

/// <summary>
/// The node and discovery databases, read directly when this process may (one process less per portal), asked of
/// <c>iscsiadm</c> through the root helper when it may not: <c>/etc/iscsi/nodes</c> is mode 0700, and a directory this
/// process cannot list would make an administrator's record look absent, to be overwritten and later deleted.
/// </summary>
internal sealed partial class OpenIscsiInitiator
{
    // "iscsiadm -o new" overwrites an existing record with iscsid.conf defaults, and a record that existed
    // before an attach is not the attach's to delete. Per iface (transports): a record of another iface must not
    // make this one skip "-o new".
    public async Task<bool> NodeExistsAsync(IscsiPath path, CancellationToken cancellationToken)
    {
        if (!_files.ThroughCommands)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return NodeExistsForIface(path);
        }

        // Captured: "-o show" exits 0 for a record bound to the iface, 21 when there is none for it.
        var result = await _runner.RunAsync(IscsiAdmCommands.NodeShow(path, _iface), cancellationToken, (int)IscsiAdmExitCode.NoObjectsFound).ConfigureAwait(false);
        return result.IsSuccess;
    }

    public async Task<IReadOnlyList<IscsiPortal>> ListNodePortalsAsync(string iqn, CancellationToken cancellationToken)
    {
        if (!_files.ThroughCommands)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return NodeRecords(iqn).Select(r => r.Portal).ToList();
        }

        var result = await _runner.RunAsync(IscsiAdmCommands.NodeList(), cancellationToken, (int)IscsiAdmExitCode.NoObjectsFound).ConfigureAwait(false);
        return NodeListParser.Parse(result.StandardOutput).Items
            .Where(n => string.Equals(n.TargetName, iqn, StringComparison.Ordinal))
            .Select(n => new IscsiPortal(n.Portal.Host, n.Portal.Port))
            .ToList();
    }

    // open-iscsi keeps a SendTargets discovery record as <db>/<address>,<port>/st_config (address unbracketed).
    // "discoverydb -o new" would reset an existing one, an admin's discovery CHAP included.
    private async Task<bool> DiscoveryRecordExistsAsync(IscsiPortal portal, CancellationToken cancellationToken)
    {
        if (!_files.ThroughCommands)
        {
            return SendTargetsDatabases.Any(database => _fs.Exists(string.Create(CultureInfo.InvariantCulture, $"{database}/{portal.Host},{portal.Port}/st_config")));
        }

        var result = await _runner.RunAsync(IscsiAdmCommands.DiscoveryDbList(), cancellationToken, (int)IscsiAdmExitCode.NoObjectsFound).ConfigureAwait(false);
        return DiscoveryListParser.Parse(result.StandardOutput).Items
            .Any(r => r.DiscoveryType == "sendtargets" && r.Address.SameAddressAs(portal) && r.Address.Port == portal.Port);
    }

    public async Task<string?> GetInitiatorNameAsync(CancellationToken cancellationToken) =>
        ParseInitiatorName(await _files.ReadAsync(InitiatorNameFile, cancellationToken).ConfigureAwait(false));
}
