using IscsiConnector.Connector.Internal;
using IscsiConnector.Testing.Internal;

namespace IscsiConnector.Testing.Simulation;

/// <summary>
/// The connector's TCP reachability probe (<see cref="IscsiConnectorOptions.ProbePortals"/>), answered from the
/// simulated portals, so that probing never opens a socket on the machine running the simulation: an up portal
/// accepts at once, a refusing or unknown one refuses at once, a blackholed one lets the probe's timeout run out.
/// </summary>
public sealed partial class SimulatedIscsiHost : IPortalProbe
{
    async Task<bool> IPortalProbe.IsReachableAsync(IscsiPortal portal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        PortalState? state;
        lock (_state.Gate)
        {
            state = PortalAddress.TryParse(portal.Address, out var key) && _state.Portals.TryGetValue(key, out var def) ? def.State : null;
        }

        if (state == PortalState.Blackholed)
        {
            await Task.Delay(timeout, TimeProvider, cancellationToken).ConfigureAwait(false);
            return false;
        }

        return state == PortalState.Up;
    }
}
