using System.Collections.Concurrent;
using IscsiConnector.Initiator;
using IscsiConnector.Transports;
using IscsiConnector.Windows.Internal;

namespace IscsiConnector.Windows;

/// <summary>
/// The Microsoft iSCSI initiator behind the neutral <see cref="IIscsiInitiator"/> contract, driven by three
/// PowerShell scripts (docs/windows.md). The flow's small steps map onto them so that one portal attempt is one
/// <c>connect</c> process: preparing a "node" only records the settings, the login runs the whole attempt
/// (target portal, target, session, disk), and the questions that follow are answered from its reply.
/// </summary>
/// <remarks>
/// The open-iscsi "iface" is the initiator portal address here (an IP address of this host); <c>default</c> lets the
/// initiator choose. A "node record" is a target portal (<c>New-IscsiTargetPortal</c>). Disks are named
/// <c>PhysicalDrive</c><em>n</em>; with MPIO the one disk of all paths is also the multipath "map".
/// </remarks>
internal sealed partial class WindowsIscsiInitiator : IIscsiInitiator
{
    private readonly WindowsHostView _view;
    private readonly string? _initiatorPortal;
    private readonly bool _multipath;
    private readonly ConcurrentDictionary<string, WindowsIscsiInitiator> _siblings;
    private readonly ConcurrentDictionary<IscsiPath, NodeSettings> _prepared = new();

    /// <param name="view">The shared inventory and the scripts.</param>
    /// <param name="multipath">Whether sessions are opened for MPIO (<c>-IsMultipathEnabled</c>).</param>
    public WindowsIscsiInitiator(WindowsHostView view, bool multipath)
        : this(view, initiatorPortal: null, multipath, new ConcurrentDictionary<string, WindowsIscsiInitiator>(StringComparer.Ordinal))
    {
    }

    private WindowsIscsiInitiator(WindowsHostView view, string? initiatorPortal, bool multipath, ConcurrentDictionary<string, WindowsIscsiInitiator> siblings)
    {
        _view = view;
        _initiatorPortal = initiatorPortal;
        _multipath = multipath;
        _siblings = siblings;
    }

    /// <summary>Re-reads the host (the <c>host</c> script) unless a login has just reported it.</summary>
    public async Task<IReadOnlyList<InitiatorSession>> GetSessionsAsync(CancellationToken cancellationToken)
    {
        var host = await _view.ReadAsync(cancellationToken).ConfigureAwait(false);
        return [.. host.Sessions.Select(ToSession).OfType<InitiatorSession>()];
    }

    /// <summary>Whether a target portal for the path's portal exists (the Windows counterpart of a node record).</summary>
    public Task<bool> NodeExistsAsync(IscsiPath path, CancellationToken cancellationToken) => Task.FromResult(NodeExists(path));

    private bool NodeExists(IscsiPath path) => _view.Current.TargetPortals.Any(p => WindowsHostView.SamePortal(p, Portal(path)));

    /// <summary>Target portals are not per target on Windows, and discovery is not used: nothing existed "for" an IQN.</summary>
    public Task<IReadOnlyList<IscsiPortal>> ListNodePortalsAsync(string iqn, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<IscsiPortal>>([]);

    /// <summary>Only remembers the settings (CHAP): the <c>connect</c> script creates the target portal with the login.</summary>
    public Task PrepareNodeAsync(IscsiPath path, bool exists, NodeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        _prepared[path] = settings;
        return Task.CompletedTask;
    }

    /// <summary>Runs one portal attempt (<c>connect</c>): target portal, target, session (reused when one exists), the LUN's disk.</summary>
    /// <exception cref="IscsiCommandException">The portal, target or login failed; its kind and status code say why.</exception>
    public async Task LoginAsync(IscsiPath path, CancellationToken cancellationToken)
    {
        var chap = _prepared.TryGetValue(path, out var settings) ? settings.Chap : null;
        ConnectAttempt attempt;
        try
        {
            attempt = await _view.Scripts.ConnectAsync(new WindowsConnectRequest(path, _initiatorPortal, null, _multipath, chap), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IscsiCommandException)
        {
            // Killed or unanswered: the script may have logged in anyway, so the undo must look again.
            _view.Invalidate();
            throw;
        }


        // The reply is folded in even on failure: a missing disk is the disk wait's business, not the login's.
        _view.Apply(attempt.Reply, Portal(path));
        if (attempt.Failure is { } failure && attempt.Reply.Session is null)
        {
            throw failure;
        }
    }

    /// <summary>Nothing to do: <c>Connect-IscsiTarget -IsPersistent</c> registers a persistent login only with a login that succeeds.</summary>
    public Task SetAutomaticStartupAsync(IscsiPath path, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ends the path's sessions (<c>disconnect</c>); none left counts as success.</summary>
    public async Task LogoutAsync(IscsiPath path, CancellationToken cancellationToken)
    {
        await _view.RefreshIfStaleAsync(cancellationToken).ConfigureAwait(false);
        string[] ids = [.. _view.Current.Sessions.Where(s => Leads(s, path)).Select(s => s.Session!.SessionIdentifier!)];
        if (ids.Length == 0)
        {
            return;
        }

        var reply = await _view.Scripts.DisconnectAsync(new DisconnectArguments { SessionIdentifiers = ids }, cancellationToken).ConfigureAwait(false);
        _view.Apply(reply);
    }

    /// <summary>Removes the path's target portal when no session uses it any more (<c>disconnect</c>); a missing one counts as success.</summary>
    public async Task DeleteNodeAsync(IscsiPath path, CancellationToken cancellationToken)
    {
        await _view.RefreshIfStaleAsync(cancellationToken).ConfigureAwait(false);
        if (!NodeExists(path))
        {
            return;
        }

        var reply = await _view.Scripts.DisconnectAsync(new DisconnectArguments { Portals = [Portal(path)] }, cancellationToken).ConfigureAwait(false);
        _view.Apply(reply);
    }

    /// <summary>Not used on Windows: the connector attaches through the portals it is given (docs/windows.md).</summary>
    public Task<IReadOnlyList<IscsiPath>> DiscoverAsync(IscsiPortal portal, int lun, ChapCredentials? discoveryChap, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IscsiPath>>([]);

    /// <summary>Gets the initiator's IQN from the last inventory (<c>Get-InitiatorPort</c>).</summary>
    public Task<string?> GetInitiatorNameAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_view.Current.InitiatorPorts.FirstOrDefault(p => p.ConnectionType == MsftInitiatorPort.IscsiConnectionType)?.NodeAddress);

    /// <summary>The same initiator logging in from another local address (the iface counterpart); <c>default</c> lets Windows choose.</summary>
    public IIscsiInitiator WithIface(string iface)
    {
        var address = iface == IscsiTransports.DefaultIface ? null : iface;
        return address == _initiatorPortal
            ? this
            : _siblings.GetOrAdd(iface, _ => new WindowsIscsiInitiator(_view, address, _multipath, _siblings));
    }

    private PortalArgument Portal(IscsiPath path) =>
        new() { TargetPortalAddress = path.Portal.Host, TargetPortalPortNumber = path.Portal.Port, InitiatorPortalAddress = _initiatorPortal };

    private InitiatorSession? ToSession(HostSession host)
    {
        if (host.Session is not { SessionIdentifier: { } id, TargetNodeAddress: { } iqn } session
            || host.Connections.FirstOrDefault() is not { TargetAddress: { } address } connection)
        {
            return null;
        }

        // Iface null: which local address Windows reports for a session it chose itself is not documented, so any matches.
        return new InitiatorSession(_view.Number(id), new IscsiPortal(address, (int)(connection.TargetPortNumber ?? IscsiPortal.DefaultPort)), iqn, Iface: null, session.IsConnected ? "LOGGED_IN" : "FAILED");
    }

    private static bool Leads(HostSession host, IscsiPath path) =>
        host.Session is { SessionIdentifier: not null, TargetNodeAddress: { } iqn }
        && IscsiPath.TargetNameComparer.Equals(iqn, path.Iqn)
        && host.Connections.Any(c => c.TargetAddress is { } address && c.TargetPortNumber == path.Portal.Port && new IscsiPortal(address).SameAddressAs(path.Portal));
}
