using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing.Simulation;

public sealed partial class SimulatedIscsiHost
{
    /// <summary>Adds a portal (an address the target daemon listens on, or a dead one).</summary>
    /// <param name="address"><c>127.0.0.1:3260</c>, <c>127.0.0.2</c> (port 3260) or <c>[::1]:3260</c>.</param>
    /// <param name="state">How the portal answers.</param>
    /// <param name="targetIqns">The targets it exposes (added before); none means every target, also those added later.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The address cannot be parsed or was already added, or a target is unknown.</exception>
    public SimulatedIscsiHost AddPortal(string address, PortalState state = PortalState.Up, params string[] targetIqns)
    {
        ArgumentNullException.ThrowIfNull(targetIqns);
        var key = PortalAddress.Parse(address, "Portal");
        lock (_state.Gate)
        {
            if (_state.Portals.ContainsKey(key))
            {
                throw new ArgumentException($"Portal {key} was already added.", nameof(address));
            }

            foreach (var iqn in targetIqns)
            {
                RequireTarget(iqn);
            }

            _state.Portals[key] = new PortalDef(key) { State = state, TargetIqns = targetIqns.Length == 0 ? null : [.. targetIqns] };
        }

        return this;
    }

    /// <summary>Requires discovery CHAP for SendTargets discovery through a portal.</summary>
    /// <param name="address">The portal, added before.</param>
    /// <param name="username">The discovery user name.</param>
    /// <param name="password">The discovery secret.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The portal is unknown or a value is invalid.</exception>
    public SimulatedIscsiHost WithDiscoveryChap(string address, string username, string password)
    {
        Guard.Name(username, nameof(username));
        Guard.Secret(password, nameof(password));
        lock (_state.Gate)
        {
            RequirePortal(address).DiscoveryChap = new ChapAccount(username, password);
        }

        return this;
    }

    /// <summary>
    /// Makes SendTargets discovery through <paramref name="address"/> also list other portals, as an array that advertises
    /// its whole portal group does (tgtd, the default, lists only the portal asked). Discovery creates a node record for
    /// each listed portal.
    /// </summary>
    /// <param name="address">The portal discovery goes through, added before.</param>
    /// <param name="otherPortals">The other portals it lists (they need not be added: an array may advertise a dead one).</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">A portal is unknown or cannot be parsed.</exception>
    public SimulatedIscsiHost WithSendTargetsAlsoListing(string address, params string[] otherPortals)
    {
        ArgumentNullException.ThrowIfNull(otherPortals);
        var others = otherPortals.Select(p => PortalAddress.Parse(p, "Portal")).ToList();
        lock (_state.Gate)
        {
            RequirePortal(address).AlsoReports.AddRange(others);
        }

        return this;
    }

    /// <summary>
    /// Changes a portal's state at run time (a path dies or comes back). Sessions through it turn <c>FAILED</c> and their
    /// devices <c>blocked</c> while it is not up, and recover when it is up again; new logins see the new state at once.
    /// </summary>
    /// <param name="address">The portal, added before.</param>
    /// <param name="state">The new state.</param>
    /// <returns>This host.</returns>
    /// <exception cref="ArgumentException">The portal is unknown.</exception>
    public SimulatedIscsiHost SetPortalState(string address, PortalState state)
    {
        lock (_state.Gate)
        {
            var portal = RequirePortal(address);
            portal.State = state;
            foreach (var session in _state.Sessions.Values.Where(s => s.Portal == portal.Address))
            {
                session.State = state == PortalState.Up ? "LOGGED_IN" : "FAILED";
                foreach (var device in _state.Devices.Where(d => d.Session == session))
                {
                    device.State = state == PortalState.Up ? "running" : "blocked";
                }
            }
        }

        return this;
    }

    private PortalDef RequirePortal(string address) =>
        _state.Portals.TryGetValue(PortalAddress.Parse(address, "Portal"), out var portal)
            ? portal
            : throw new ArgumentException($"Portal {address} is not defined; add it with AddPortal first.", nameof(address));
}
